# property with setter/deleter, staticmethod, classmethod, __getattr__ fallback
class Temp:
    def __init__(self):
        self._c = 0
    @property
    def celsius(self):
        return self._c
    @celsius.setter
    def celsius(self, v):
        if v < -273:
            raise ValueError("too cold")
        self._c = v
    @celsius.deleter
    def celsius(self):
        self._c = None
    @staticmethod
    def scale():
        return "C"
    @classmethod
    def name(cls):
        return cls.__name__
t = Temp()
t.celsius = 21
print(t.celsius, Temp.scale(), t.scale(), Temp.name(), t.name())
try:
    t.celsius = -300
except ValueError as e:
    print("ValueError:", e)
del t.celsius
print(t.celsius)
print(type(Temp.__dict__["celsius"]).__name__)
class Proxy:
    def __init__(self, target):
        self.target = target
    def __getattr__(self, name):
        return "proxied " + name
p = Proxy(1)
print(p.target, p.anything)
class ReadOnly:
    @property
    def x(self):
        return 1
try:
    ReadOnly().x = 2
except AttributeError as e:
    print("AttributeError:", e)
# expect: 21 C C Temp Temp
# expect: ValueError: too cold
# expect: None
# expect: property
# expect: 1 proxied anything
# expect: AttributeError: property 'x' of 'ReadOnly' object has no setter
