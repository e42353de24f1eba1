# Futures, tasks, coroutines and generators compare by identity: ==, in,
# list.index/count/remove and the waiter deques' searches.
import asyncio


def gen():
    yield 1


async def co():
    return 1


async def main():
    loop = asyncio.get_running_loop()
    fs = [loop.create_future() for _ in range(5)]
    t = asyncio.create_task(co())
    c = co()
    g = gen()
    items = fs + [t, c, g]
    print(fs[0] == fs[0], fs[0] == fs[1], fs[0] != fs[1], t == c, c == g)
    print(items.index(fs[3]), items.index(t), items.index(c), items.index(g), items.count(fs[2]))
    print(loop.create_future() in items, c in items, fs[4] in items)
    items.remove(fs[1])
    print(len(items), items.index(fs[2]), [x is y for x, y in zip(items, items)].count(True))
    print(fs[0] == 1, 1 == fs[0], fs[0] == None)
    await t
    c.close()


asyncio.run(main())
# expect: True False True False False
# expect: 3 5 6 7 1
# expect: False True True
# expect: 7 1 7
# expect: False False False
