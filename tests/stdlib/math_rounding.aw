# math.floor / ceil / trunc return ints
import math
print(math.floor(2.7), math.floor(-2.7), math.ceil(2.1), math.ceil(-2.1), math.trunc(-2.7), math.trunc(2.7))
print(math.floor(5), math.ceil(True), math.trunc(-0.5), math.ceil(-0.5), type(math.floor(1.5)).__name__)
class F:
    def __floor__(self): return "floor!"
    def __ceil__(self): return "ceil!"
    def __trunc__(self): return "trunc!"
print(math.floor(F()), math.ceil(F()), math.trunc(F()))
for call in [lambda: math.floor(math.inf), lambda: math.ceil(math.nan), lambda: math.trunc(-math.inf),
             lambda: math.floor("a"), lambda: math.trunc("a")]:
    try:
        call()
    except (ValueError, OverflowError, TypeError) as e:
        print(type(e).__name__ + ":", e)
# expect: 2 -3 3 -2 -2 2
# expect: 5 1 0 0 int
# expect: floor! ceil! trunc!
# expect: OverflowError: cannot convert float infinity to integer
# expect: ValueError: cannot convert float NaN to integer
# expect: OverflowError: cannot convert float infinity to integer
# expect: TypeError: must be real number, not str
# expect: TypeError: type str doesn't define __trunc__ method
