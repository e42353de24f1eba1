# C(...) of user classes: __init__ runs with the new instance; its result
# must be None; the instance is the call's value whatever __init__ does
# with its self variable; __new__ overrides, super().__init__, defaults,
# keyword and star arguments, closures over self, errors.
import traceback

class P:
    def __init__(self, x, y=2, *rest, k=0, **kw):
        self.x = x
        self.y = y
        self.rest = rest
        self.k = k
        self.kw = kw

class Q(P):
    def __init__(self, *a, **kw):
        super().__init__(*a, **kw)
        self.q = True

class Rebind:
    def __init__(self):
        self.a = 1
        self = None

class Cell:
    def __init__(self, v):
        self.v = v
        self.get = lambda: self.v

class New:
    def __new__(cls, v):
        print("new", v)
        return super().__new__(cls)
    def __init__(self, v):
        self.v = v

class Other:
    def __new__(cls):
        return 42
    def __init__(self):
        print("not called")

class NoInit:
    pass

class Bad:
    def __init__(self):
        return 5

class Raises:
    def __init__(self, n):
        if n:
            raise ValueError("init failed")

p = P(1)
print(p.x, p.y, p.rest, p.k, p.kw)
p = P(1, 3, 4, 5, k=6, z=7)
print(p.x, p.y, p.rest, p.k, p.kw)
q = Q(9, k=1)
print(type(q).__name__, q.x, q.k, q.q)
r = Rebind()
print(type(r).__name__, r.a)
c = Cell(10)
c.v = 11
print(c.get())
n = New(3)
print(n.v, Other(), type(NoInit()).__name__)
objs = [P(i) for i in range(3)]
print([o.x for o in objs])
for f in [lambda: Bad(), lambda: Raises(1), lambda: P(), lambda: NoInit(1), lambda: P(1, x=2)]:
    try:
        f()
    except Exception as e:
        lines = traceback.format_exc().split(", in ")
        print(type(e).__name__ + ":", e, "| frames:", len(lines) - 1)
print(Raises(0).__class__.__name__)
# expect: 1 2 () 0 {}
# expect: 1 3 (4, 5) 6 {'z': 7}
# expect: Q 9 1 True
# expect: Rebind 1
# expect: 11
# expect: new 3
# expect: 3 42 NoInit
# expect: [0, 1, 2]
# expect: TypeError: __init__() should return None, not 'int' | frames: 2
# expect: ValueError: init failed | frames: 3
# expect: TypeError: P.__init__() missing 1 required positional argument: 'x' | frames: 2
# expect: TypeError: NoInit() takes no arguments | frames: 2
# expect: TypeError: P.__init__() got multiple values for argument 'x' | frames: 2
# expect: Raises
