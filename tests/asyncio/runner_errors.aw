# Runner.run() inside a running loop is refused; exceptions propagate.
import asyncio

async def fail():
    raise KeyError('k')

async def inner(runner):
    c = fail()
    try:
        runner.run(c)
    except RuntimeError as e:
        print(e)
    c.close()

with asyncio.Runner() as runner:
    try:
        runner.run(fail())
    except KeyError as e:
        print('KeyError', e)
    runner.run(inner(runner))
print('closed')
# expect: KeyError 'k'
# expect: Runner.run() cannot be called from a running event loop
# expect: closed
