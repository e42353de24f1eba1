# Async generators under asyncio: async for, awaits inside the body, anext with a default, comprehensions
import asyncio
async def ticker(n, delay):
    for i in range(n):
        await asyncio.sleep(delay)
        yield i
async def main():
    async for v in ticker(3, 0):
        print("tick", v)
    print([v async for v in ticker(4, 0.001)])
    g = ticker(2, 0)
    print(await anext(g), await anext(g), await anext(g, "exhausted"))
    try:
        await anext(g)
    except StopAsyncIteration:
        print("StopAsyncIteration")
    async def consume(name, n):
        out = []
        async for v in ticker(n, 0):
            out.append(name + str(v))
        return out
    print(await asyncio.gather(consume("a", 3), consume("b", 2)))
    async def pairs():
        async for x in ticker(3, 0):
            yield x, x * x
    print({k: v async for k, v in pairs()})
    g = ticker(10, 0)
    async for v in g:
        if v == 2:
            break
    print("after break", await g.asend(None))
    await g.aclose()
    print(await anext(g, "closed"))
asyncio.run(main())
# expect: tick 0
# expect: tick 1
# expect: tick 2
# expect: [0, 1, 2, 3]
# expect: 0 1 exhausted
# expect: StopAsyncIteration
# expect: [['a0', 'a1', 'a2'], ['b0', 'b1']]
# expect: {0: 0, 1: 1, 2: 4}
# expect: after break 3
# expect: closed
