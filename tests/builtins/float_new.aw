# float() from strings, numbers and objects; error messages.
def check(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
class F:
    def __float__(self):
        return 2.5
class X:
    def __index__(self):
        return 3
print(float(), float("1e5"), float(" 3.5 "), float("inf"), float("-Infinity"), float("nan"), float("-nan"))
print(float("1_0.5"), float("+1.e3"), float(".5"), float("5."), float(3), float(True), float(F()), float(X()))
print(float("١٫٥".replace("٫", ".")), float(b"1.5"), float("1" * 400), float("1e-400"), float(2 ** 62))
check(lambda: float("x"))
check(lambda: float(""))
check(lambda: float("."))
check(lambda: float("1e"))
check(lambda: float("1_e5"))
check(lambda: float("0x10"))
check(lambda: float("1__0"))
check(lambda: float(None))
check(lambda: float([1]))
check(lambda: float(x=1))
check(lambda: float(1, 2))
# expect: 0.0 100000.0 3.5 inf -inf nan nan
# expect: 10.5 1000.0 0.5 5.0 3.0 1.0 2.5 3.0
# expect: 1.5 1.5 inf 0.0 4.611686018427388e+18
# expect: ValueError could not convert string to float: 'x'
# expect: ValueError could not convert string to float: ''
# expect: ValueError could not convert string to float: '.'
# expect: ValueError could not convert string to float: '1e'
# expect: ValueError could not convert string to float: '1_e5'
# expect: ValueError could not convert string to float: '0x10'
# expect: ValueError could not convert string to float: '1__0'
# expect: TypeError float() argument must be a string or a real number, not 'NoneType'
# expect: TypeError float() argument must be a string or a real number, not 'list'
# expect: TypeError float() takes no keyword arguments
# expect: TypeError float expected at most 1 argument, got 2
