# binary operator dunders: __op__, __rop__, NotImplemented, subclass priority
class N:
    def __init__(self, v):
        self.v = v
    def __add__(self, other):
        if isinstance(other, N):
            return N(self.v + other.v)
        if isinstance(other, int):
            return N(self.v + other)
        return NotImplemented
    def __radd__(self, other):
        print("radd", other)
        return N(other + self.v)
    def __sub__(self, other):
        return N(self.v - other)
    def __rsub__(self, other):
        return N(other - self.v)
    def __mul__(self, other):
        return NotImplemented
    def __pow__(self, other):
        return N(self.v ** other)
    def __rpow__(self, other):
        return N(other ** self.v)
    def __matmul__(self, other):
        return "matmul"
    def __repr__(self):
        return "N(%d)" % self.v

print(N(1) + N(2), N(1) + 5, 5 + N(1))
print(10 - N(3), N(10) - 3)
print(2 ** N(3), N(2) ** 3, N(1) @ N(2))
print(sum([N(1), N(2)], N(0)))
try:
    N(1) * 2
except TypeError as e:
    print("TypeError:", e)
try:
    N(1) + "x"
except TypeError as e:
    print("TypeError:", e)

class A:
    def __add__(self, other):
        return "A.add"
    def __radd__(self, other):
        return "A.radd"
class B(A):
    def __radd__(self, other):
        return "B.radd"
class C(A):
    pass
print(A() + B(), B() + A(), A() + C(), C() + A())

class R:
    def __rmul__(self, other):
        return "rmul %r" % (other,)
    def __rtruediv__(self, other):
        return "rtruediv"
    def __rfloordiv__(self, other):
        return "rfloordiv"
    def __rmod__(self, other):
        return "rmod"
    def __rlshift__(self, other):
        return "rlshift"
    def __rand__(self, other):
        return "rand"
print(3 * R(), [1] * R(), "ab" * R(), 1.5 / R(), 1 // R(), 5 % R(), 1 << R(), True & R())
# expect: radd 5
# expect: N(3) N(6) N(6)
# expect: N(7) N(7)
# expect: N(8) N(8) matmul
# expect: N(3)
# expect: TypeError: unsupported operand type(s) for *: 'N' and 'int'
# expect: TypeError: unsupported operand type(s) for +: 'N' and 'str'
# expect: B.radd A.add A.add A.add
# expect: rmul 3 rmul [1] rmul 'ab' rtruediv rfloordiv rmod rlshift rand
