# Unbounded recursion through await (and yield from) stops at the
# recursion limit, as in CPython; a raised limit allows a deep chain.
import asyncio
import sys


async def forever(n):
    return await forever(n + 1)


async def depth(n):
    if n == 0:
        await asyncio.sleep(0)
        return 0
    return 1 + await depth(n - 1)


def gen_forever():
    yield from gen_forever()


async def main():
    try:
        await forever(0)
    except RecursionError as e:
        print("RecursionError:", e)
    print(await depth(500))
    sys.setrecursionlimit(5000)
    print(await depth(3000))


try:
    list(gen_forever())
except RecursionError as e:
    print("RecursionError:", e)
asyncio.run(main())
# expect: RecursionError: maximum recursion depth exceeded
# expect: RecursionError: maximum recursion depth exceeded
# expect: 500
# expect: 3000
