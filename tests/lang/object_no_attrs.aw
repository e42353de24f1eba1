# object() instances take no attributes and have no __dict__; subclasses do
o = object()
try:
    o.x = 1
except AttributeError as e:
    print(e)
class A: pass
a = A(); a.x = 1; print(a.x)
class B(A): pass
b = B(); b.y = 2; print(b.y)
class E(Exception): pass
e = E(); e.z = 3; print(e.z)
try:
    object().__dict__
except AttributeError as e:
    print(e)
print(hasattr(object(), "__dict__"), hasattr(a, "__dict__"))
try:
    setattr(object(), "q", 1)
except AttributeError as e:
    print(e)
sentinel = object()
print(sentinel is sentinel, sentinel == object())
# expect: 'object' object has no attribute 'x'
# expect: 1
# expect: 2
# expect: 3
# expect: 'object' object has no attribute '__dict__'
# expect: False True
# expect: 'object' object has no attribute 'q'
# expect: True False
