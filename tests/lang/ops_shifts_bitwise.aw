# shifts and bitwise operators on ints and bools
print(1 << 10, 1024 >> 3, -1024 >> 3, -1 >> 100, 5 >> 100, 0 << 1000)
print(6 & 3, 6 | 3, 6 ^ 3, ~5, ~-1, -6 & 0xff)
print(True & False, True | False, True ^ True, True & 3, ~True, ~False)
for f in (lambda: 1 << -1, lambda: 1 >> -1, lambda: 1.0 << 1, lambda: 1 & 1.0, lambda: ~1.5):
    try:
        print(f())
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
# expect: 1024 128 -128 -1 0 0
# expect: 2 7 5 -6 0 250
# expect: False True False 1 -2 -1
# expect: ValueError: negative shift count
# expect: ValueError: negative shift count
# expect: TypeError: unsupported operand type(s) for <<: 'float' and 'int'
# expect: TypeError: unsupported operand type(s) for &: 'int' and 'float'
# expect: TypeError: bad operand type for unary ~: 'float'
