# abs() on ints, floats, bools and __abs__
print(abs(-5), abs(5), abs(-2.5), abs(-0.0), abs(True), abs(float("-inf")))
class V:
    def __abs__(self):
        return "abs!"
print(abs(V()))
try:
    abs("a")
except TypeError as e:
    print("TypeError:", e)
# expect: 5 5 2.5 0.0 1 inf
# expect: abs!
# expect: TypeError: bad operand type for abs(): 'str'
