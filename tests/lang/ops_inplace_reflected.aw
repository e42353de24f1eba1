# x op= y on a list tries y's reflected dunder first; in-place * wording
class R:
    def __radd__(self, other):
        return "radd %r" % (other,)
    def __rmul__(self, other):
        return "rmul %r" % (other,)
l = [1]
l += R()
print(l)
m = [2]
m *= R()
print(m)
class Plain:
    pass
p = Plain()
try:
    p *= "s"
except TypeError as e:
    print("TypeError:", e)
try:
    Plain() * "s"
except TypeError as e:
    print("TypeError:", e)
x = 1.5
try:
    x *= "s"
except TypeError as e:
    print("TypeError:", e)
try:
    Plain[0]
except TypeError as e:
    print("TypeError:", e)
print(slice(1, 2) < slice(1, 3), slice(None) == slice(None, None, None))
# expect: radd [1]
# expect: rmul [2]
# expect: TypeError: unsupported operand type(s) for *=: 'Plain' and 'str'
# expect: TypeError: can't multiply sequence by non-int of type 'Plain'
# expect: TypeError: can't multiply sequence by non-int of type 'float'
# expect: TypeError: type 'Plain' is not subscriptable
# expect: True True
