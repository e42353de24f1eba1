# f(*args) passes the argument list it builds straight to the callee:
# every callable kind still gets its own arguments, the caller's sequences
# are never touched.
def f(*a, **k):
    return a, k

def g(x, y, z=0):
    return x + y + z

class C:
    def m(self, *a):
        return len(a)

t = (1, 2)
l = [3, 4]
print(f(*t), f(*l), f(0, *t, *l, 5))
print(f(*l, sep=1), f(*t, **{"k": 2}))
print(g(*t), g(*l, 1), g(*[1], *[2]))
print(C().m(*l), C.m(C(), *t))
print(max(*l), min(*t, 0), print(*l, sep="-"))
print(t, l)
args = [1, 2, 3]
r = f(*args)
args.append(4)
print(r)
print(list(map(lambda *a: sum(a), *[[1, 2], [3, 4]])))
print(f(*(i for i in range(3))), f(*"ab"), f(*{1: 2}))
try:
    g(*[1])
except TypeError as e:
    print(e)
big = list(range(300))
print(len(f(*big)[0]), sum(f(*big, *big)[0]))


async def co(*a):
    return a

import asyncio
c = co(1)
it = c.__await__()
try:
    it.throw(*[ValueError("x")])
except ValueError as e:
    print("thrown", e)
print(asyncio.run(co(*l)))
# expect: ((1, 2), {}) ((3, 4), {}) ((0, 1, 2, 3, 4, 5), {})
# expect: ((3, 4), {'sep': 1}) ((1, 2), {'k': 2})
# expect: 3 8 3
# expect: 2 2
# expect: 3-4
# expect: 4 0 None
# expect: (1, 2) [3, 4]
# expect: ((1, 2, 3), {})
# expect: [4, 6]
# expect: ((0, 1, 2), {}) (('a', 'b'), {}) ((1,), {})
# expect: g() missing 1 required positional argument: 'y'
# expect: 300 89700
# expect: thrown x
# expect: (3, 4)
