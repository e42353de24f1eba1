# in-place operators: __iop__ first, then the binary fallback
class Acc:
    def __init__(self):
        self.items = []
    def __iadd__(self, other):
        self.items.append(other)
        return self
    def __isub__(self, other):
        return NotImplemented
    def __sub__(self, other):
        return "sub fallback"
    def __ior__(self, other):
        return "ior result"
a = Acc()
b = a
a += 1
a += 2
print(a is b, a.items)
a -= 5
print(a)
c = Acc()
c |= 1
print(c)

class P:
    def __init__(self, v):
        self.v = v
    def __mul__(self, other):
        return P(self.v * other)
p = P(3)
q = p
p *= 2
print(p.v, q.v, p is q)

l = [1]
m = l
l += (2, 3)
l += "ab"
print(l, m is l)
l *= 2
print(m)
t = (1,)
u = t
t += (2,)
print(t, u)
s = {1, 2}
s2 = s
s |= {3}
s &= {1, 3, 4}
s -= {1}
s ^= {5, 3}
print(s, s is s2)
d = {"a": 1}
d |= {"b": 2}
d |= [("c", 3)]
print(d)
x = 5
x **= 2
x //= 3
x <<= 2
x %= 7
x ^= 1
print(x)
for f in ("s", "l", "x"):
    try:
        if f == "s":
            v = "a"
            v += 1
        elif f == "l":
            v = [1]
            v += 1
        else:
            v = 2
            v **= "a"
    except TypeError as e:
        print("TypeError:", e)
# expect: True [1, 2]
# expect: sub fallback
# expect: ior result
# expect: 6 3 False
# expect: [1, 2, 3, 'a', 'b'] True
# expect: [1, 2, 3, 'a', 'b', 1, 2, 3, 'a', 'b']
# expect: (1, 2) (1,)
# expect: {5} True
# expect: {'a': 1, 'b': 2, 'c': 3}
# expect: 5
# expect: TypeError: can only concatenate str (not "int") to str
# expect: TypeError: 'int' object is not iterable
# expect: TypeError: unsupported operand type(s) for **=: 'int' and 'str'
