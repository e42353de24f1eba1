# Attribute reads, writes and method calls on instances take cached fast
# paths; these cases must see every change: class attributes and methods
# added, replaced or deleted later, properties, __setattr__/__getattr__,
# instance attributes shadowing methods, __dict__ edits, subclasses.
class A:
    def m(self):
        return "A.m"

    def get(self):
        return self.v

    def put(self, v):
        self.v = v

def call_m(o):
    return o.m()

def read_v(o):
    return o.v

def write_v(o, v):
    o.v = v

a = A()
write_v(a, 1)
print(read_v(a), a.get(), call_m(a))
A.m = lambda self: "replaced"
print(call_m(a))
def m2(self):
    return "m2"
A.m = m2
print(call_m(a))
a.m = lambda: "instance attr"
print(call_m(a))
del a.m
print(call_m(a))
del A.m
try:
    call_m(a)
except AttributeError as e:
    print("AttributeError:", e)

class B(A):
    pass

b = B()
b.put(5)
print(read_v(b), b.get())
A.v = property(lambda self: "prop")
print(read_v(a), read_v(b), a.__dict__)
A.v = property(lambda self: "prop2", lambda self, v: print("setter", v))
write_v(a, 3)
print(read_v(a), a.__dict__)
del A.v
print(read_v(a), read_v(b))
B.v = 99
print(read_v(b))
del B.v

class Logged(A):
    def __setattr__(self, k, v):
        print("set", k, v)
        object.__setattr__(self, k, v)

l = Logged()
write_v(l, 7)
print(read_v(l))

class Lazy:
    def __getattr__(self, k):
        return "missing " + k

z = Lazy()
print(read_v(z))
z.v = "real"
print(read_v(z))
z.__dict__.clear()
print(read_v(z))

objs = [A(), B(), Lazy()]
for i, o in enumerate(objs):
    o.__dict__["v"] = i
print([read_v(o) for o in objs])
try:
    read_v(A())
except AttributeError as e:
    print("AttributeError:", e)

class C:
    __slots_like = 1
    def __init__(self):
        self.x = 1
        self.y = 2
c1, c2 = C(), C()
c2.__dict__.pop("x")
c2.x = 3
print(c1.x, c1.y, c2.x, c2.y, list(c2.__dict__))
# expect: 1 1 A.m
# expect: replaced
# expect: m2
# expect: instance attr
# expect: m2
# expect: AttributeError: 'A' object has no attribute 'm'
# expect: 5 5
# expect: prop prop {'v': 1}
# expect: setter 3
# expect: prop2 {'v': 1}
# expect: 1 5
# expect: 5
# expect: set v 7
# expect: 7
# expect: missing v
# expect: real
# expect: missing v
# expect: [0, 1, 2]
# expect: AttributeError: 'A' object has no attribute 'v'
# expect: 1 2 3 2 ['y', 'x']
