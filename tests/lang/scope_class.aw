# Class scopes: class-level names are invisible to methods and to
# comprehension bodies; enclosing function variables are seen through
# LOAD_CLASSDEREF; name mangling of __private names; qualnames.
x = "global"
class A:
    x = "class"
    def m(self):
        return x
    y = [x for _ in range(1)]
    z = x
print(A().m(), A.y, A.z)

def f():
    v = "enclosing"
    class B:
        w = v
        u = "classv"
        def m(self):
            return v
    return B
B = f()
print(B.w, B.u, B().m())

def g2():
    a = 1
    class C:
        print(a)
        b = a + 1
        print(b)
        a2 = [a for _ in range(2)]
    return C
print(g2().a2)

def shared():
    n = "free"
    class K:
        n = "bound in class"
        def get(self):
            return n
    return K
K = shared()
print(K.n, K().get())

class P:
    __secret = 42
    def get(self):
        return self.__secret
    def set(self):
        self.__v = 1
        return self._P__v
print(P().get(), P._P__secret, P().set())

def counter():
    def inc():
        pass
    return inc
print(counter.__qualname__, counter().__qualname__, A.m.__qualname__)
def qq():
    class K:
        def meth(self):
            pass
    return K
print(qq().meth.__qualname__, qq().__qualname__)
print((lambda: 0).__qualname__, [lambda: 0 for _ in range(1)][0].__qualname__)
print(A.__module__, A.__qualname__, A.__name__)

class Base:
    def hello(self):
        return "base"
class Der(Base):
    def hello(self):
        return "der+" + super().hello()
    def cls(self):
        return __class__.__name__
    def nested(self):
        def inner():
            return __class__.__name__
        return inner()
print(Der().hello(), Der().cls(), Der().nested())

class WithInit(Base):
    def __init__(self, v):
        super().__init__()
        self.v = v
print(WithInit(3).v)
# expect: global ['global'] class
# expect: enclosing classv enclosing
# expect: 1
# expect: 2
# expect: [1, 1]
# expect: bound in class free
# expect: 42 42 1
# expect: counter counter.<locals>.inc A.m
# expect: qq.<locals>.K.meth qq.<locals>.K
# expect: <lambda> <listcomp>.<lambda>
# expect: __main__ A A
# expect: der+base Der Der
# expect: 3
