# `await f(...)` chains: results, exceptions, keyword arguments and
# recursion, repeated so finished coroutines are reused.
import asyncio


async def depth(n, *, step=1):
    if n == 0:
        return 0
    return step + await depth(n - 1, step=step)


async def fails(n):
    if n == 0:
        raise ValueError("bottom")
    return await fails(n - 1)


async def catches(n):
    try:
        return await fails(n)
    except ValueError as e:
        return str(e)


async def main():
    print(await depth(50), await depth(10, step=3))
    print(sum([await depth(i) for i in range(20)]))
    for _ in range(3):
        print(await catches(5), await depth(3))
    c = depth(2)
    print(await c, c.cr_frame)
    print(await depth(500))


asyncio.run(main())
# expect: 50 30
# expect: 190
# expect: bottom 3
# expect: bottom 3
# expect: bottom 3
# expect: 2 None
# expect: 500
