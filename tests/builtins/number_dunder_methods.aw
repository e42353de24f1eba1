# int and float operator methods called directly: results, NotImplemented for foreign operands, reflection.
print((3).__add__(4), (3).__radd__(4), (7).__sub__(2), (7).__rsub__(2), (3).__mul__(5))
print((7).__truediv__(2), (7).__floordiv__(2), (-7).__mod__(3), (2).__pow__(10), (2).__rpow__(3))
print((7).__divmod__(2), (7).__rdivmod__(30), (6).__and__(3), (6).__or__(3), (6).__xor__(3), (1).__lshift__(4), (16).__rshift__(2))
print((5).__neg__(), (5).__pos__(), (5).__invert__(), (0).__bool__(), (2).__bool__())
print((1).__add__(1.5), (1).__lt__(2.5), (1).__add__("a"), (2).__lt__(3), (2).__ge__(3))
print((1.5).__add__(1), (1.5).__radd__(2), (1.5).__rsub__(2), (7.0).__floordiv__(2), (7.5).__mod__(2), (1.5).__lt__(2))
print((1.5).__mul__("a"), (2.0).__pow__(0.5), (1.5).__neg__(), (0.0).__bool__(), (7.5).__divmod__(2))
print(True.__and__(False), True.__or__(0), True.__add__(True), int.__add__(2, 3), float.__mul__(2.0, 4))
print(sum([1, 2], start=0), list(map(int.__mul__, [1, 2, 3], [4, 5, 6])), sorted([3, 1, 2], key=(5).__sub__))
print(hasattr(1.5, "__and__"), hasattr(1, "__and__"), hasattr(True, "__neg__"))
try:
    int.__add__(1.5, 2)
except TypeError as e:
    print(e)
try:
    (1).__truediv__(0)
except ZeroDivisionError as e:
    print(e)
class Meters:
    def __init__(self, v):
        self.v = v
    def __add__(self, other):
        r = self.v.__add__(other.v if isinstance(other, Meters) else other)
        return NotImplemented if r is NotImplemented else Meters(r)
    __radd__ = __add__
    def __repr__(self):
        return f"Meters({self.v})"
print(Meters(2) + Meters(3), 1 + Meters(2), Meters(1) + 4)
try:
    Meters(1) + 2.5
except TypeError as e:
    print(e)
# expect: 7 7 5 -5 15
# expect: 3.5 3 2 1024 9
# expect: (3, 1) (4, 2) 2 7 5 16 4
# expect: -5 5 -6 False True
# expect: NotImplemented NotImplemented NotImplemented True False
# expect: 2.5 3.5 0.5 3.0 1.5 True
# expect: NotImplemented 1.4142135623730951 -1.5 False (3.0, 1.5)
# expect: False 1 2 5 8.0
# expect: 3 [4, 10, 18] [3, 2, 1]
# expect: False True True
# expect: descriptor '__add__' requires a 'int' object but received a 'float'
# expect: division by zero
# expect: Meters(5) Meters(3) Meters(5)
# expect: unsupported operand type(s) for +: 'Meters' and 'float'
