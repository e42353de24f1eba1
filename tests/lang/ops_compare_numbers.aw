# comparisons across int, bool and float, exact beyond 2**53, nan
nan = float("nan")
print(1 == 1.0, 1 < 1.5, -1 > -1.5, True == 1, False < 0.5, 2 >= 2.0)
print(9007199254740993 == 9007199254740992.0, 9007199254740993 > 9007199254740992.0)
print(9223372036854775807 < 9223372036854775808.0, 9223372036854775807 == 9.223372036854776e18)
print(-9223372036854775807 - 1 == -9.223372036854776e18)
print(nan == nan, nan != nan, nan < 1, nan >= 1, 1 < nan, 1 != nan)
print(1 < float("inf"), -(2 ** 62) > float("-inf"), 0.0 == -0.0)
print(1 < 2 < 3, 3 > 2 > 2, 1 == 1.0 == True)
# expect: True True True True True True
# expect: False True
# expect: True False
# expect: True
# expect: False True False False False True
# expect: True True True
# expect: True False True
