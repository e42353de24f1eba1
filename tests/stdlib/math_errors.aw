# math domain and range errors
import math
calls = [
    ('sqrt(-1)', lambda: math.sqrt(-1)),
    ('log(0)', lambda: math.log(0)),
    ('log(-1)', lambda: math.log(-1)),
    ('log(2, 1)', lambda: math.log(2, 1)),
    ('log(2, 0)', lambda: math.log(2, 0)),
    ('log2(0)', lambda: math.log2(0)),
    ('log10(-1)', lambda: math.log10(-1)),
    ('log1p(-1)', lambda: math.log1p(-1)),
    ('acos(2)', lambda: math.acos(2)),
    ('asin(-2)', lambda: math.asin(-2)),
    ('atanh(1)', lambda: math.atanh(1)),
    ('sin(math.inf)', lambda: math.sin(math.inf)),
    ('exp(1000)', lambda: math.exp(1000)),
    ('exp2(2000)', lambda: math.exp2(2000)),
    ('cosh(1000)', lambda: math.cosh(1000)),
    ('pow(0, -1)', lambda: math.pow(0, -1)),
    ('pow(-2, 0.5)', lambda: math.pow(-2, 0.5)),
    ('pow(10, 400)', lambda: math.pow(10, 400)),
    ('fmod(1, 0)', lambda: math.fmod(1, 0)),
    ('fmod(math.inf, 1)', lambda: math.fmod(math.inf, 1)),
    ('ldexp(1, 2000)', lambda: math.ldexp(1, 2000)),
    ('gamma(0)', lambda: math.gamma(0)),
    ('gamma(-1)', lambda: math.gamma(-1)),
    ('gamma(171.7)', lambda: math.gamma(171.7)),
    ('lgamma(0)', lambda: math.lgamma(0)),
    ('remainder(1, 0)', lambda: math.remainder(1, 0)),
    ("sqrt('a')", lambda: math.sqrt('a')),
    ('factorial(-1)', lambda: math.factorial(-1)),
    ('factorial(2.0)', lambda: math.factorial(2.0)),
    ('isqrt(-1)', lambda: math.isqrt(-1)),
    ('comb(-1, 2)', lambda: math.comb(-1, 2)),
    ('comb(5, -1)', lambda: math.comb(5, -1)),
    ('perm(-1)', lambda: math.perm(-1)),
]
for name, c in calls:
    try:
        r = c()
        print(name, "->", r)
    except (ValueError, OverflowError, ZeroDivisionError, TypeError) as e:
        print(name, type(e).__name__ + ":", e)
# expect: sqrt(-1) ValueError: math domain error
# expect: log(0) ValueError: math domain error
# expect: log(-1) ValueError: math domain error
# expect: log(2, 1) ZeroDivisionError: float division by zero
# expect: log(2, 0) ValueError: math domain error
# expect: log2(0) ValueError: math domain error
# expect: log10(-1) ValueError: math domain error
# expect: log1p(-1) ValueError: math domain error
# expect: acos(2) ValueError: math domain error
# expect: asin(-2) ValueError: math domain error
# expect: atanh(1) ValueError: math domain error
# expect: sin(math.inf) ValueError: math domain error
# expect: exp(1000) OverflowError: math range error
# expect: exp2(2000) OverflowError: math range error
# expect: cosh(1000) OverflowError: math range error
# expect: pow(0, -1) ValueError: math domain error
# expect: pow(-2, 0.5) ValueError: math domain error
# expect: pow(10, 400) OverflowError: math range error
# expect: fmod(1, 0) ValueError: math domain error
# expect: fmod(math.inf, 1) ValueError: math domain error
# expect: ldexp(1, 2000) OverflowError: math range error
# expect: gamma(0) ValueError: math domain error
# expect: gamma(-1) ValueError: math domain error
# expect: gamma(171.7) OverflowError: math range error
# expect: lgamma(0) ValueError: math domain error
# expect: remainder(1, 0) ValueError: math domain error
# expect: sqrt('a') TypeError: must be real number, not str
# expect: factorial(-1) ValueError: factorial() not defined for negative values
# expect: factorial(2.0) TypeError: 'float' object cannot be interpreted as an integer
# expect: isqrt(-1) ValueError: isqrt() argument must be nonnegative
# expect: comb(-1, 2) ValueError: n must be a non-negative integer
# expect: comb(5, -1) ValueError: k must be a non-negative integer
# expect: perm(-1) ValueError: factorial() not defined for negative values
