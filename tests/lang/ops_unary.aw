# unary -, +, ~ and abs(): numbers, dunders, errors
print(-5, +5, ~5, -(-5), -True, +True, ~True, -0.0, +1.5, -float("inf"))
print(abs(-3), abs(3), abs(-2.5), abs(True), abs(-0.0), abs(False))
class V:
    def __neg__(self):
        return "neg"
    def __pos__(self):
        return "pos"
    def __invert__(self):
        return "inv"
    def __abs__(self):
        return "abs"
v = V()
print(-v, +v, ~v, abs(v))
class N:
    pass
for f in (lambda: -"a", lambda: +"a", lambda: ~"a", lambda: abs("a"), lambda: -N(), lambda: ~[1], lambda: -None):
    try:
        print(f())
    except TypeError as e:
        print("TypeError:", e)
# expect: -5 5 -6 5 -1 1 -2 -0.0 1.5 -inf
# expect: 3 3 2.5 1 0.0 0
# expect: neg pos inv abs
# expect: TypeError: bad operand type for unary -: 'str'
# expect: TypeError: bad operand type for unary +: 'str'
# expect: TypeError: bad operand type for unary ~: 'str'
# expect: TypeError: bad operand type for abs(): 'str'
# expect: TypeError: bad operand type for unary -: 'N'
# expect: TypeError: bad operand type for unary ~: 'list'
# expect: TypeError: bad operand type for unary -: 'NoneType'
