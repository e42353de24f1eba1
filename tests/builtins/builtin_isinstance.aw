# isinstance / issubclass with classes, tuples and nested tuples
class A: pass
class B(A): pass
print(isinstance(B(), A), isinstance(A(), B), isinstance(1, int), isinstance(True, int))
print(isinstance(1, (str, (float, int))), isinstance("s", ()), isinstance(1.5, (int,)))
print(issubclass(B, A), issubclass(A, B), issubclass(bool, int), issubclass(B, (str, A)))
print(issubclass(ValueError, Exception), isinstance(KeyError(), LookupError))
print(isinstance(None, type(None)), isinstance(int, type), isinstance([], object))
for args in [(1, 2), (1, (int, 2))]:
    try:
        isinstance(*args)
    except TypeError as e:
        print("TypeError:", e)
try:
    issubclass(1, int)
except TypeError as e:
    print("TypeError:", e)
try:
    issubclass(int, 1)
except TypeError as e:
    print("TypeError:", e)
# expect: True False True True
# expect: True False False
# expect: True False True True
# expect: True True
# expect: True True True
# expect: TypeError: isinstance() arg 2 must be a type, a tuple of types, or a union
# expect: TypeError: issubclass() arg 1 must be a class
# expect: TypeError: issubclass() arg 2 must be a class, a tuple of classes, or a union
