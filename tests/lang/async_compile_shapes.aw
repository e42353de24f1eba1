# async def / await / async for / async with / async comprehensions and
# async generators, compiled to the GET_AWAITABLE + SEND delegation loop,
# run under asyncio.
import asyncio

async def work(n):
    await asyncio.sleep(0)
    return n * 2

async def agen(n):
    for i in range(n):
        await asyncio.sleep(0)
        yield i
    return

class ACM:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    async def __aenter__(self):
        await asyncio.sleep(0)
        print("aenter", self.name)
        return self.name
    async def __aexit__(self, t, v, tb):
        await asyncio.sleep(0)
        print("aexit", self.name, t.__name__ if t else None)
        return self.suppress

async def loops():
    out = []
    async for v in agen(5):
        if v == 1:
            continue
        if v == 3:
            break
        out.append(v)
    else:
        out.append("no else")
    async for v in agen(2):
        out.append(v)
    else:
        out.append("else")
    return out

async def withs():
    async with ACM("a") as a, ACM("b") as b:
        print("body", a, b)
    async with ACM("s", True):
        raise KeyError("swallowed")
    try:
        async with ACM("p"):
            raise ValueError("propagates")
    except ValueError as e:
        print("caught", e)
    for i in range(2):
        async with ACM("loop%d" % i):
            if i == 0:
                continue
            return "returned from async with"

async def comps():
    a = [x async for x in agen(4) if x % 2 == 0]
    b = {x: await work(x) for x in range(3)}
    c = [await work(x) async for x in agen(3)]
    g = (x * 10 async for x in agen(3))
    d = [y async for y in g]
    return a, b, c, d

async def finally_await():
    try:
        return await work(5)
    finally:
        await asyncio.sleep(0)
        print("finally awaited")

async def raising():
    await asyncio.sleep(0)
    raise RuntimeError("from coroutine")

async def main():
    print(await work(21))
    print(await loops())
    print(await withs())
    print(await comps())
    print(await finally_await())
    try:
        await raising()
    except RuntimeError as e:
        print("caught", e)
    print(await asyncio.gather(work(1), work(2), work(3)))

asyncio.run(main())
# expect: 42
# expect: [0, 2, 0, 1, 'else']
# expect: aenter a
# expect: aenter b
# expect: body a b
# expect: aexit b None
# expect: aexit a None
# expect: aenter s
# expect: aexit s KeyError
# expect: aenter p
# expect: aexit p ValueError
# expect: caught propagates
# expect: aenter loop0
# expect: aexit loop0 None
# expect: aenter loop1
# expect: aexit loop1 None
# expect: returned from async with
# expect: ([0, 2], {0: 0, 1: 2, 2: 4}, [0, 2, 4], [0, 10, 20])
# expect: finally awaited
# expect: 10
# expect: caught from coroutine
# expect: [2, 4, 6]
