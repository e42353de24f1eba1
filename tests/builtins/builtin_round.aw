# round(): banker's rounding, ndigits, ints with negative ndigits
print(round(2.5), round(3.5), round(-2.5), round(0.5), round(1.5), round(-0.4))
print(round(0.125, 2), round(2.675, 2), round(1.005, 2), round(123.456, 1), round(123.456, -1))
print(round(150.0, -2), round(250.0, -2), round(-3.0, -5), round(1e300, 400), round(0.0, 3))
print(round(5, -1), round(15, -1), round(25, -1), round(-25, -1), round(12345, -2), round(7, 2))
print(round(1.5, None), round(True), round(2.5, 0), round(-0.5, 0), round(5, -20))
print(type(round(2.5)).__name__, type(round(2.5, 0)).__name__, type(round(5, 1)).__name__)
class Rd:
    def __round__(self, n=None):
        return ("rounded", n)
print(round(Rd()), round(Rd(), 3))
for call in [lambda: round(float("inf")), lambda: round(float("nan")), lambda: round("a"),
             lambda: round(1.5, "a"), lambda: round(1.7976931348623157e308, -308)]:
    try:
        call()
    except (TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__ + ":", e)
# expect: 2 4 -2 0 2 0
# expect: 0.12 2.67 1.0 123.5 120.0
# expect: 200.0 200.0 -0.0 1e+300 0.0
# expect: 0 20 20 -20 12300 7
# expect: 2 1 2.0 -0.0 0
# expect: int float int
# expect: ('rounded', None) ('rounded', 3)
# expect: OverflowError: cannot convert float infinity to integer
# expect: ValueError: cannot convert float NaN to integer
# expect: TypeError: type str doesn't define __round__ method
# expect: TypeError: 'str' object cannot be interpreted as an integer
# expect: OverflowError: rounded value too large to represent
