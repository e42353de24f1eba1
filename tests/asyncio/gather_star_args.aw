# gather(*aws) keeps the argument list it is handed as its children: the
# caller's sequences are never touched, repeats and non-coroutines work.
import asyncio


async def val(x):
    await asyncio.sleep(0)
    return x


class Aw:
    def __await__(self):
        yield from asyncio.sleep(0).__await__()
        return "aw"


async def main():
    coros = [val(i) for i in range(5)]
    print(await asyncio.gather(*coros), all(asyncio.iscoroutine(c) for c in coros))
    tasks = [asyncio.create_task(val(i)) for i in range(3)]
    print(await asyncio.gather(*tasks, *tasks), [t.result() for t in tasks])
    c = val("same")
    print(await asyncio.gather(*[c, c]))
    print(await asyncio.gather(*[val(1), Aw()]))
    t = tuple(val(i) for i in range(2))
    print(await asyncio.gather(*t), type(t).__name__)
    print(await asyncio.gather(*(val(i) for i in range(3)), return_exceptions=True))
    print(await asyncio.gather(*[]))
    g = asyncio.gather(*[asyncio.sleep(1) for _ in range(3)])
    await asyncio.sleep(0)
    g.cancel()
    try:
        await g
    except asyncio.CancelledError:
        print("cancelled", g.cancelled())


asyncio.run(main())
# expect: [0, 1, 2, 3, 4] True
# expect: [0, 1, 2, 0, 1, 2] [0, 1, 2]
# expect: ['same', 'same']
# expect: [1, 'aw']
# expect: [0, 1] tuple
# expect: [0, 1, 2]
# expect: []
# expect: cancelled False
