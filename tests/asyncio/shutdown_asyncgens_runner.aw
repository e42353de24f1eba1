# asyncio.Runner.close() closes the async generators still suspended, as
# asyncio.run does
import asyncio


async def agen():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")


async def step(g):
    return await g.__anext__()


with asyncio.Runner() as r:
    g = agen()
    print(r.run(step(g)))
    print("after run")
print("closed")
# expect: 1
# expect: after run
# expect: cleanup
# expect: closed
