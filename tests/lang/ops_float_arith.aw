# float arithmetic: floor division and modulo follow the divisor's sign
print(7.5 // 2, -7.5 // 2, 7.5 // -2, -7.5 // -2)
print(7.5 % 2, -7.5 % 2, 7.5 % -2, -7.5 % -2)
print(-0.0 % 5, 0.0 % -5, 5 % -0.5, 6.0 % 3)
print(1 + 0.5, 3 * 0.5, 1 - 1.5, 2 / 0.5)
print(2.0 ** 3, 2 ** 0.5, 4 ** -0.5, (-2.0) ** 3, (-8.0) ** 2)
print(0.1 + 0.2, 1e16 + 1, 1.0 / 3)
print(float("inf") - float("inf"), float("inf") * 0, 1e308 * 10)
print(1.0 ** float("nan"), float("nan") ** 0)
print(-1.0 ** 2, (-1.0) ** float("inf"), 0.5 ** float("inf"), 2.0 ** float("-inf"))
print(7 // 2.0, -7 % 2.0, True + 0.5)
# expect: 3.0 -4.0 -4.0 3.0
# expect: 1.5 0.5 -0.5 -1.5
# expect: 0.0 -0.0 -0.0 0.0
# expect: 1.5 1.5 -0.5 4.0
# expect: 8.0 1.4142135623730951 0.5 -8.0 64.0
# expect: 0.30000000000000004 1e+16 0.3333333333333333
# expect: nan nan inf
# expect: 1.0 1.0
# expect: -1.0 1.0 0.0 0.0
# expect: 3.0 1.0 1.5
