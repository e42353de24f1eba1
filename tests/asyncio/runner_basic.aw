# asyncio.Runner: several runs on one loop, then closed.
import asyncio

async def value(v):
    await asyncio.sleep(0)
    return v

with asyncio.Runner() as runner:
    print(runner.run(value(1)))
    print(runner.run(value(2)))
    loop = runner.get_loop()
    print(loop is runner.get_loop(), loop.is_closed())
print(loop.is_closed())
c = value(3)
try:
    runner.run(c)
except RuntimeError as e:
    print(e)
c.close()
runner.close()
r = asyncio.Runner()
try:
    r.run(5)
except ValueError as e:
    print(e)
r.close()
# expect: 1
# expect: 2
# expect: True False
# expect: True
# expect: Runner is closed
# expect: a coroutine was expected, got 5
