# math integer functions
import math
print(math.factorial(0), math.factorial(10), math.factorial(20))
print(math.gcd(), math.gcd(12, 18), math.gcd(-12, 18, 0), math.gcd(0, 0), math.gcd(7))
print(math.lcm(), math.lcm(4, 6), math.lcm(4, 6, 0), math.lcm(-4, 6), math.lcm(3, 5, 7))
print(math.comb(5, 2), math.comb(3, 5), math.comb(60, 30), math.comb(10, 0), math.perm(5), math.perm(5, 2), math.perm(3, 5))
print(math.isqrt(0), math.isqrt(15), math.isqrt(16), math.isqrt(10 ** 18), math.isqrt(9223372036854775807))
print(math.prod([]), math.prod([1, 2, 3, 4]), math.prod([1, 2.5]), math.prod([2, 3], start=10), math.prod(range(1, 6)))
print(math.isclose(1, 1.0000000001), math.isclose(1, 1.1), math.isclose(0, 1e-10, abs_tol=1e-9), math.isclose(math.inf, math.inf))
try:
    math.isclose(1, 2, rel_tol=-1)
except ValueError as e:
    print("ValueError:", e)
# expect: 1 3628800 2432902008176640000
# expect: 0 6 6 0 7
# expect: 1 12 0 12 105
# expect: 10 0 118264581564861424 1 120 20 0
# expect: 0 3 4 1000000000 3037000499
# expect: 1 24 2.5 60 120
# expect: True False True True
# expect: ValueError: tolerances must be non-negative
