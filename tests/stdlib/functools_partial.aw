# functools.partial: stored args/keywords, call-time overrides, nesting
from functools import partial
def f(a, b, c=0, *, d=1):
    return (a, b, c, d)
p = partial(f, 1, d=5)
print(p(2), p(2, 3), p(2, d=9), p.args, p.keywords, p.func is f)
p2 = partial(p, 7)
print(p2(), p2.args, p2.keywords, p2.func is f)
base2 = partial(int, base=2)
print(base2("1010"), list(map(partial(pow, 2), range(5))))
try:
    partial(5)
except TypeError as e:
    print("TypeError:", e)
print(repr(partial(max, 1, key=abs)).startswith("functools.partial(<built-in function max>, 1, key="))
# expect: (1, 2, 0, 5) (1, 2, 3, 5) (1, 2, 0, 9) (1,) {'d': 5} True
# expect: (1, 7, 0, 5) (1, 7) {'d': 5} True
# expect: 10 [1, 2, 4, 8, 16]
# expect: TypeError: the first argument must be callable
# expect: True
