# vars(), dir() and globals()
class C:
    cls_attr = 1
    def method(self): pass
c = C()
c.a = 1
c.b = 2
print(vars(c))
vars(c)["z"] = 3
print(c.z)
print("cls_attr" in vars(C), "method" in vars(C))
print([n for n in dir(c) if not n.startswith("__")])
print(sorted(set(dir(C)) & {"cls_attr", "method", "a"}))
g = globals()
g["made_here"] = 5
print(made_here, "C" in globals(), globals() is g)
try:
    vars(1)
except TypeError as e:
    print("TypeError:", e)
import math
print("sqrt" in dir(math), "pi" in vars(math))
def f():
    return globals() is g
print(f())
# expect: {'a': 1, 'b': 2}
# expect: 3
# expect: True True
# expect: ['a', 'b', 'cls_attr', 'method', 'z']
# expect: ['cls_attr', 'method']
# expect: 5 True True
# expect: TypeError: vars() argument must have __dict__ attribute
# expect: True True
# expect: True
