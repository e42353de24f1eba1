# aw-only
# ints are 64-bit: builtins that overflow raise OverflowError
for call in [lambda: abs(-9223372036854775807 - 1), lambda: pow(2, 64), lambda: sum([9223372036854775807, 1]),
             lambda: round(1e300), lambda: round(9223372036854775807, -1)]:
    try:
        call()
    except OverflowError as e:
        print("OverflowError:", e)
print(pow(3, 39), sum([9223372036854775806, 1]), abs(-9223372036854775807))
# expect: OverflowError: integer overflow
# expect: OverflowError: integer overflow
# expect: OverflowError: integer overflow
# expect: OverflowError: integer overflow
# expect: OverflowError: integer overflow
# expect: 4052555153018976267 9223372036854775807 9223372036854775807
