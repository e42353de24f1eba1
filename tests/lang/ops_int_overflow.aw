# aw-only
# ints are 64-bit and overflow raises OverflowError
def t(f):
    try:
        print(f())
    except OverflowError as e:
        print("OverflowError:", e)
t(lambda: 2 ** 62 * 4)
t(lambda: 2 ** 63)
t(lambda: 9223372036854775807 + 1)
t(lambda: -9223372036854775807 - 2)
t(lambda: -(-9223372036854775807 - 1))
t(lambda: abs(-9223372036854775807 - 1))
t(lambda: (-9223372036854775807 - 1) // -1)
t(lambda: 1 << 63)
t(lambda: 3 << 62)
t(lambda: 3 ** 40)
t(lambda: 2 ** 62 + 2 ** 62 - 1 + 2 ** 62)
print((-9223372036854775807 - 1) % -1)
print(-1 << 63)
print(1 << 62)
print(3 ** 39)
# expect: OverflowError: integer overflow
# expect: OverflowError: integer overflow
# expect: OverflowError: integer overflow
# expect: OverflowError: integer overflow
# expect: OverflowError: integer overflow
# expect: OverflowError: integer overflow
# expect: OverflowError: integer overflow
# expect: OverflowError: integer overflow
# expect: OverflowError: integer overflow
# expect: OverflowError: integer overflow
# expect: OverflowError: integer overflow
# expect: 0
# expect: -9223372036854775808
# expect: 4611686018427387904
# expect: 4052555153018976267
