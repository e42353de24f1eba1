# math: constants and elementary functions
import math
print(math.pi, math.e, math.tau, math.inf, -math.inf, math.isnan(math.nan))
print(math.sqrt(16), math.sqrt(2), math.exp(1), math.log(math.e), math.log(8, 2), math.log(100, 10))
print(math.log2(1024), math.log10(1000), math.log1p(0), math.expm1(0), math.exp2(10), math.cbrt(8))
print(math.sin(0), math.cos(0), math.tan(0), math.asin(1), math.acos(1), math.atan(1), math.atan2(1, 1))
print(math.sinh(0), math.cosh(0), math.tanh(0), math.asinh(0), math.acosh(1), math.atanh(0))
print(math.degrees(math.pi), math.radians(180), math.fabs(-3), math.copysign(2, -0.0))
print(math.fmod(7, 3), math.fmod(-7, 3), math.remainder(5, 3), math.modf(2.5), math.modf(-1.5))
print(math.frexp(8), math.frexp(0), math.ldexp(0.5, 4), math.hypot(3, 4), math.hypot(1, 1, 1), math.hypot())
print(math.erf(0), math.erfc(0), math.gamma(5), math.lgamma(1), math.pow(2, 10), math.pow(0, 0))
print(math.isfinite(1.0), math.isinf(math.inf), math.isnan(1), math.ulp(1.0), math.nextafter(1, 2))
print(math.dist((1, 2), (4, 6)), math.dist([0, 0, 0], [1, 1, 1]))
# expect: 3.141592653589793 2.718281828459045 6.283185307179586 inf -inf True
# expect: 4.0 1.4142135623730951 2.718281828459045 1.0 3.0 2.0
# expect: 10.0 3.0 0.0 0.0 1024.0 2.0
# expect: 0.0 1.0 0.0 1.5707963267948966 0.0 0.7853981633974483 0.7853981633974483
# expect: 0.0 1.0 0.0 0.0 0.0 0.0
# expect: 180.0 3.141592653589793 3.0 -2.0
# expect: 1.0 -1.0 -1.0 (0.5, 2.0) (-0.5, -1.0)
# expect: (0.5, 4) (0.0, 0) 8.0 5.0 1.7320508075688772 0.0
# expect: 0.0 1.0 24.0 0.0 1024.0 1.0
# expect: True True False 2.220446049250313e-16 1.0000000000000002
# expect: 5.0 1.7320508075688772
