# Calls: defaults, keyword-only and positional-only parameters, *args and
# **kwargs at definition and call sites, method calls, decorators.
def kw(a, b=2, *args, c, d=4, **kw):
    return (a, b, args, c, d, sorted(kw.items()))
print(kw(1, c=3))
print(kw(1, 2, 3, 4, c=5, e=6))
args = [1, 2]
kws = {"c": 9, "z": 0}
print(kw(*args, 7, **kws, y=1))
print(kw(*args, **{"c": 1}))
print(kw(*(i for i in range(3)), c=0))
def posonly(a, b, /, c):
    return a + b + c
print(posonly(1, 2, c=3))
def star_only(*, k):
    return k
print(star_only(k=3))
def defaults_evaluated_once(acc=[]):
    acc.append(1)
    return len(acc)
print(defaults_evaluated_once(), defaults_evaluated_once())
print((lambda *a, **k: (a, k))(1, x=2))
print((lambda a, b=1, *, c=2: a + b + c)(1))
def manyargs(*a, **k):
    return len(a), len(k)
print(manyargs(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, a=1, b=2))

class Greeter:
    def __init__(self, name):
        self.name = name
    def greet(self, greeting="hello", *, punct="!"):
        return greeting + " " + self.name + punct
    @staticmethod
    def st(x):
        return x * 2
    @classmethod
    def make(cls, n):
        return cls(n)
    @property
    def upper(self):
        return self.name.upper()
g = Greeter("bob")
print(g.greet(), g.greet("hi"), g.greet(punct="?"), Greeter.st(4), Greeter.make("al").name, g.upper)
meth = g.greet
print(meth("yo"))

def deco(tag):
    print("deco eval", tag)
    def w(f):
        print("apply", tag)
        def inner(*a, **k):
            return tag + "(" + f(*a, **k) + ")"
        return inner
    return w
@deco("A")
@deco("B")
def fn(x):
    return x
print(fn("z"))

def register(f):
    registry.append(f.__name__)
    return f
registry = []
@register
class Thing:
    pass
print(registry, Thing.__name__)

def docd():
    "doc string"
    return 1
print(docd())
try:
    kw(1)
except TypeError as e:
    print("TypeError:", e)
# expect: (1, 2, (), 3, 4, [])
# expect: (1, 2, (3, 4), 5, 4, [('e', 6)])
# expect: (1, 2, (7,), 9, 4, [('y', 1), ('z', 0)])
# expect: (1, 2, (), 1, 4, [])
# expect: (0, 1, (2,), 0, 4, [])
# expect: 6
# expect: 3
# expect: 1 2
# expect: ((1,), {'x': 2})
# expect: 4
# expect: (32, 2)
# expect: hello bob! hi bob! hello bob? 8 al BOB
# expect: yo bob!
# expect: deco eval A
# expect: deco eval B
# expect: apply B
# expect: apply A
# expect: A(B(z))
# expect: ['Thing'] Thing
# expect: 1
# expect: TypeError: kw() missing 1 required keyword-only argument: 'c'
