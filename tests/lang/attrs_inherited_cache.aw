# Attribute and method lookups through a base class stay right while the
# classes change under a warm inline cache.


class Base:
    def m(self):
        return "base"


class Sub(Base):
    def __init__(self):
        self.x = 1


def call_all(objs):
    return [o.m() for o in objs]


def read_x(objs):
    return [o.x for o in objs]


objs = [Sub() for _ in range(3)]
print(call_all(objs))
Base.m = lambda self: "base2"          # value replaced in the base's dict
print(call_all(objs))
Sub.m = lambda self: "sub"             # now found in the class itself
print(call_all(objs))
del Sub.m
print(call_all(objs))
objs[0].m = lambda: "instance"         # an instance attribute shadows it
print(call_all(objs))
print(read_x(objs))
Base.x = property(lambda self: "prop")  # a data descriptor in the base wins
print(read_x(objs))
del Base.x
print(read_x(objs))
Base.__dict__  # noqa: reading it changes nothing
Sub.__setattr__ = lambda self, k, v: object.__setattr__(self, k, v * 2)
for o in objs:
    o.x = 5
print(read_x(objs))


def make():
    class Fresh(Base):
        pass
    return Fresh()


# New classes, possibly at a freed one's address, with other contents.
for i in range(4):
    o = make()
    if i % 2:
        type(o).m = lambda self: "fresh"
    print(o.m())
# expect: ['base', 'base', 'base']
# expect: ['base2', 'base2', 'base2']
# expect: ['sub', 'sub', 'sub']
# expect: ['base2', 'base2', 'base2']
# expect: ['instance', 'base2', 'base2']
# expect: [1, 1, 1]
# expect: ['prop', 'prop', 'prop']
# expect: [1, 1, 1]
# expect: [10, 10, 10]
# expect: base2
# expect: fresh
# expect: base2
# expect: fresh
