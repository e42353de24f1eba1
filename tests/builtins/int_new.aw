# int() from numbers, strings with bases, and objects; error messages.
def check(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
class I:
    def __int__(self):
        return 7
class X:
    def __index__(self):
        return 8
print(int(), int(12), int(True), int(3.9), int(-3.9), int(1e15), int(I()), int(X()))
print(int("12"), int(" 12_3 "), int("-0"), int("+5"), int("\t-1\n"), int("٣٤"), int(b"12"))
print(int("0x1f", 16), int("1f", 16), int("0x1f", 0), int("0b101", 0), int("0o17", 0), int("z", 36), int("10", base=2))
print(int("00", 0), int("0_0", 0), int("0x_1f", 16), int("-9223372036854775808"), int("1" * 19))
check(lambda: int("12", 1))
check(lambda: int("12", 37))
check(lambda: int(12, 10))
check(lambda: int(float("inf")))
check(lambda: int(float("nan")))
check(lambda: int(""))
check(lambda: int("1.5"))
check(lambda: int("017", 0))
check(lambda: int("_1"))
check(lambda: int("1__2"))
check(lambda: int("+ 1"))
check(lambda: int("abc", 8))
check(lambda: int(b"x"))
check(lambda: int(None))
check(lambda: int([1]))
check(lambda: int(x=1))
check(lambda: int(base=2))
check(lambda: int("é"))
# expect: 0 12 1 3 -3 1000000000000000 7 8
# expect: 12 123 0 5 -1 34 12
# expect: 31 31 31 5 15 35 2
# expect: 0 0 31 -9223372036854775808 1111111111111111111
# expect: ValueError int() base must be >= 2 and <= 36, or 0
# expect: ValueError int() base must be >= 2 and <= 36, or 0
# expect: TypeError int() can't convert non-string with explicit base
# expect: OverflowError cannot convert float infinity to integer
# expect: ValueError cannot convert float NaN to integer
# expect: ValueError invalid literal for int() with base 10: ''
# expect: ValueError invalid literal for int() with base 10: '1.5'
# expect: ValueError invalid literal for int() with base 0: '017'
# expect: ValueError invalid literal for int() with base 10: '_1'
# expect: ValueError invalid literal for int() with base 10: '1__2'
# expect: ValueError invalid literal for int() with base 10: '+ 1'
# expect: ValueError invalid literal for int() with base 8: 'abc'
# expect: ValueError invalid literal for int() with base 10: b'x'
# expect: TypeError int() argument must be a string, a bytes-like object or a real number, not 'NoneType'
# expect: TypeError int() argument must be a string, a bytes-like object or a real number, not 'list'
# expect: TypeError 'x' is an invalid keyword argument for int()
# expect: TypeError int() missing string argument
# expect: ValueError invalid literal for int() with base 10: 'é'
