# repr/str of classes, user __repr__/__str__, default reprs, exceptions
class A:
    pass
class B:
    def __repr__(self):
        return "B()"
class C(B):
    def __str__(self):
        return "str of C"
class S:
    def __str__(self):
        return "only str"
print(A, int, type, ValueError, B)
print(B(), [B()], str(B()), C(), [C()], repr(C()))
s = repr(S())
print(s.startswith("<__main__.S object at 0x"), s.endswith(">"), str(S()))
print(repr(A()).startswith("<__main__.A object at 0x"))
print(repr(object()).startswith("<object object at 0x"))
print(None, True, False, str(None), repr("x"), str("x"), str(5), str(-2.5))
print(repr(ValueError("x")), str(ValueError("x")), repr(KeyError("k")), str(KeyError("k")))
print(len, repr(len))
def f():
    pass
print(repr(f).startswith("<function f at 0x"))
class D:
    def m(self):
        pass
print(repr(D.m).startswith("<function D.m at 0x"), repr(D().m).startswith("<bound method D.m of <__main__.D object at 0x"))
print(repr(lambda: 0).startswith("<function <lambda> at 0x"))
class BadRepr:
    def __repr__(self):
        return 42
try:
    repr(BadRepr())
except TypeError as e:
    print("TypeError:", e)
try:
    str(BadRepr())
except TypeError as e:
    print("TypeError:", e)
# expect: <class '__main__.A'> <class 'int'> <class 'type'> <class 'ValueError'> <class '__main__.B'>
# expect: B() [B()] B() str of C [B()] B()
# expect: True True only str
# expect: True
# expect: True
# expect: None True False None 'x' x 5 -2.5
# expect: ValueError('x') x KeyError('k') 'k'
# expect: <built-in function len> <built-in function len>
# expect: True
# expect: True True
# expect: True
# expect: TypeError: __repr__ returned non-string (type int)
# expect: TypeError: __str__ returned non-string (type int)
