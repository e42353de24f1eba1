# __set_name__ runs for descriptors at class creation; a plain-def __init_subclass__ is a classmethod.
class Field:
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)
        self.attr = "_" + name
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.attr, None)
    def __set__(self, obj, value):
        setattr(obj, self.attr, value)

class Point:
    x = Field()
    y = Field()
    z = 3

p = Point()
p.x = 4
print(p.x, p.y, vars(p))

class Registry:
    names = []
    def __init_subclass__(cls):
        super().__init_subclass__()
        Registry.names.append(cls.__name__)

class A(Registry): pass
class B(A): pass
print(Registry.names)

class Bad:
    def __set_name__(self, owner, name):
        raise ValueError("nope")
try:
    class Holder:
        b = Bad()
except RuntimeError as e:
    print(e)
    print(repr(e.__cause__))
# expect: set_name Point x
# expect: set_name Point y
# expect: 4 None {'_x': 4}
# expect: ['A', 'B']
# expect: Error calling __set_name__ on 'Bad' instance 'b' in 'Holder'
# expect: ValueError('nope')
