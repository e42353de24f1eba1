# math.fsum is exactly rounded; errors for overflow and inf-inf
import math
print(math.fsum([0.1] * 10), sum([0.1] * 10))
print(math.fsum([1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50]))
print(math.fsum([]), math.fsum([math.inf, 1]), math.fsum(x / 7 for x in range(100)))
print(math.fsum([1.0, 1e-16, 1e-16]), math.fsum([2 ** 53, 1, 1e-16 * 0]))
for bad in [[1e308, 1e308], [math.inf, -math.inf]]:
    try:
        math.fsum(bad)
    except (OverflowError, ValueError) as e:
        print(type(e).__name__ + ":", e)
print(math.isnan(math.fsum([math.nan, 1])))
# expect: 1.0 0.9999999999999999
# expect: 1e-100
# expect: 0.0 inf 707.1428571428571
# expect: 1.0000000000000002 9007199254740992.0
# expect: OverflowError: intermediate overflow in fsum
# expect: ValueError: -inf + inf in fsum
# expect: True
