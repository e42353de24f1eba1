# int arithmetic: Python's floor division and modulo signs, true division
print(1 + 2, 7 - 10, 6 * -7)
print(7 // 2, -7 // 2, 7 // -2, -7 // -2)
print(7 % 3, -7 % 3, 7 % -3, -7 % -3)
print(7 / 2, -7 / 2, 6 / 3, 1 / 3)
print(2 ** 10, (-2) ** 3, 2 ** 0, 0 ** 0, 2 ** -1, (-2) ** -2)
print(True + True, True * 3, False - 1, True / 2)
print(-(2 ** 62) - (2 ** 62))
print(9007199254740993 / 1, 2 ** 62 / 3)
print(-9 // 3, -9 % 3, 0 // 5, 0 % -5)
# expect: 3 -3 -42
# expect: 3 -4 -4 3
# expect: 1 2 -2 -1
# expect: 3.5 -3.5 2.0 0.3333333333333333
# expect: 1024 -8 1 1 0.5 0.25
# expect: 2 3 -1 0.5
# expect: -9223372036854775808
# expect: 9007199254740992.0 1.5372286728091292e+18
# expect: -3 0 0 0
