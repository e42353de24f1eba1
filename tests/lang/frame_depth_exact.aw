# Frames are sized exactly to the deepest value stack the compiler finds
# (plus one slot for a bound method's self): calls at full depth, from
# functions, generators and coroutines, with and without handlers.
import asyncio


class C:
    def m(self, *a, **k):
        return len(a) + len(k)


def deep(c):
    return c.m(1, 2, c.m(3, c.m(4, 5, x=6), *[7, 8]), y=[9, {10: c.m(11)}])


def gen(c):
    yield c.m(1, c.m(2, c.m(3, c.m(4))))
    f = c.m
    yield f(1, 2, 3)
    try:
        yield (lambda: c.m(1, 2))()
    finally:
        yield c.m(*range(5), **{"a": 1})


async def co(c):
    m = c.m
    r = m(1, m(2, m(3)))
    await asyncio.sleep(0)
    try:
        return r + c.m(1, 2, (await asyncio.sleep(0, 5)), c.m(3))
    except ValueError:
        return -1


c = C()
print(deep(c), list(gen(c)), asyncio.run(co(c)))
print([c.m(i, c.m(i, i)) for i in range(3)], {c.m(k): c.m(k, k) for k in "ab"})
# expect: 4 [2, 3, 2, 6] 6
# expect: [2, 2, 2] {1: 2}
