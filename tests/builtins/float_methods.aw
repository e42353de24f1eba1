# float methods: is_integer, as_integer_ratio, hex, fromhex, conjugate.
def check(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
print((1.5).is_integer(), (2.0).is_integer(), float("inf").is_integer(), float("nan").is_integer())
print((0.5).as_integer_ratio(), (0.1).as_integer_ratio(), (-2.75).as_integer_ratio(), (3.0).as_integer_ratio())
print((1.5).hex(), (0.1).hex(), (-0.0).hex(), (1.0).hex(), (5e-324).hex(), float("inf").hex(), (1e300).hex())
print(float.fromhex("0x1.8p+0"), float.fromhex("-0x1p-2"), float.fromhex("  1.8p1 "), float.fromhex("inf"), float.fromhex("0x.8"))
print((1.5).conjugate(), (1.5).real, (1.5).imag, (2.5).__round__(), (3.7).__trunc__(), (3.7).__floor__(), (3.2).__ceil__())
print(round(2.675, 2), round(2.5), round(-0.5), round(1234.5, -2), (3.5).__int__(), (0.5).__abs__())
check(lambda: float("inf").as_integer_ratio())
check(lambda: float("nan").as_integer_ratio())
check(lambda: float.fromhex("0xg"))
check(lambda: float.fromhex("0x1p9999"))
check(lambda: (1.5).hex(1))
# expect: False True False False
# expect: (1, 2) (3602879701896397, 36028797018963968) (-11, 4) (3, 1)
# expect: 0x1.8000000000000p+0 0x1.999999999999ap-4 -0x0.0p+0 0x1.0000000000000p+0 0x0.0000000000001p-1022 inf 0x1.7e43c8800759cp+996
# expect: 1.5 -0.25 3.0 inf 0.5
# expect: 1.5 1.5 0.0 2 3 3 4
# expect: 2.67 2 0 1200.0 3 0.5
# expect: OverflowError cannot convert Infinity to integer ratio
# expect: ValueError cannot convert NaN to integer ratio
# expect: ValueError invalid hexadecimal floating-point string
# expect: OverflowError hexadecimal value too large to represent as a float
# expect: TypeError float.hex() takes no arguments (1 given)
