# Expressions: chained comparisons (short-circuit, single evaluation),
# and/or values, f-strings, slices, displays with unpacking, constants.
print(1 < 2 < 3, 1 < 2 > 3, 3 > 2 == 2 != 1)
def side(v):
    print("side", v)
    return v
print(side(1) < side(0) < side(5))
print(side(1) < side(2) < side(5))
print(0 or "x", 1 and "y", None or 0 or [], 1 and 0 and 2)
print("yes" if [] else "no", not [] and 5)
print(1 in [1], 2 not in [1], None is None, 1 is not None)
y = 5
print(f"{y} {y!r} {y:>4} {'s'!r} {y*2:{y}d}|{3.14159:.2f}|{'a'}{{}}")
print(f"", f"{'x'}", f"{y}{y}", f"a{y}b")
print(-5, -2.5, -(-3), +4, ~5, not 0)
s = "hello"
print(s[1:3], s[::-1], s[::2], s[1:], s[:-1], s[-1])
print((1,), (), (1, 2), (1, "a", None, 2.0, True, ...))
print({*[1, 2], *(3,)} == {1, 2, 3}, [*range(3), *"ab"], {**{"a": 1}, "b": 2, **{"c": 3}})
print(2 ** 10, 7 // 2, -7 // 2, 7 % 3, 1 << 4, 0xff & 0x0f, 5 ^ 1, 4 | 1)
big = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34]
print(len(big), sum(big))
bt = (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, y)
print(len(bt), bt[-1])
bd = {0: 0, 1: 1, 2: 2, 3: 3, 4: 4, 5: 5, 6: 6, 7: 7, 8: 8, 9: 9, 10: 10, 11: 11, 12: 12, 13: 13, 14: 14, 15: 15, 16: 16, 17: y}
print(len(bd), bd[17])
print(__debug__, type(...).__name__)
t = (1, 2)
print(t is t, 0.0 == -0.0, 1 == 1.0, [1.0, 1, True])
print((n := 10) + n)
# expect: True False True
# expect: side 1
# expect: side 0
# expect: False
# expect: side 1
# expect: side 2
# expect: side 5
# expect: True
# expect: x y [] 0
# expect: no 5
# expect: True True True True
# expect: 5 5    5 's'    10|3.14|a{}
# expect:  x 55 a5b
# expect: -5 -2.5 3 4 -6 True
# expect: el olleh hlo ello hell o
# expect: (1,) () (1, 2) (1, 'a', None, 2.0, True, Ellipsis)
# expect: True [0, 1, 2, 'a', 'b'] {'a': 1, 'b': 2, 'c': 3}
# expect: 1024 3 -4 1 16 15 4 5
# expect: 35 595
# expect: 35 5
# expect: 18 5
# expect: True ellipsis
# expect: True True True [1.0, 1, True]
# expect: 20
