# Cancelling a task while its async generator awaits: CancelledError is raised inside the generator
import asyncio
async def slow():
    try:
        yield "first"
        await asyncio.sleep(10)
        yield "never"
    except asyncio.CancelledError:
        print("generator saw CancelledError")
        raise
    finally:
        print("generator finally")
async def reader(g):
    async for v in g:
        print("read", v)
async def main():
    g = slow()
    t = asyncio.create_task(reader(g))
    await asyncio.sleep(0.01)
    print("running:", g.ag_running)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("task cancelled", t.cancelled())
    print("running:", g.ag_running, await anext(g, "done"))
    async def cleanup():
        try:
            yield 1
        finally:
            await asyncio.sleep(0)
            print("async cleanup done")
    c = cleanup()
    print(await anext(c))
    await c.aclose()
    async def timed():
        i = 0
        while True:
            yield i
            i += 1
            await asyncio.sleep(0.005)
    got = []
    try:
        async with asyncio.timeout(0.02):
            async for v in timed():
                got.append(v)
    except TimeoutError:
        print("timed out after", len(got) > 0)
asyncio.run(main())
# expect: read first
# expect: running: True
# expect: generator saw CancelledError
# expect: generator finally
# expect: task cancelled True
# expect: running: False done
# expect: 1
# expect: async cleanup done
# expect: timed out after True
