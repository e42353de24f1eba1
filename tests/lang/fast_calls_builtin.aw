# str(), int() and float() calls, dict subscripts, f-strings and method
# calls on built-in containers take interpreter fast paths; they must
# behave exactly as the general ones.
print(str(), str(5), str(-7), str(2.5), str(None), str(True), str("s"), str([1, "a"]))
print(int(), int(7), int(-3.9), int("  42 "), int("-0x1f", 0), int("101", base=2), int(True))
print(float(), float(3), float("1e3"), float(" -inf "), float(False))
for bad in [lambda: int("x1"), lambda: int(1.5, 2), lambda: float("nan?"), lambda: str(b"a", "bogus"),
            lambda: int(None), lambda: float([]), lambda: str(1, 2, 3, 4)]:
    try:
        print(bad())
    except (ValueError, TypeError, LookupError) as e:
        print(type(e).__name__ + ":", e)

class Money:
    def __str__(self):
        return "$5"
    def __int__(self):
        return 5
    def __float__(self):
        return 5.5
m = Money()
print(str(m), int(m), float(m), f"{m}", f"{m}{m}")

d = {}
for i in range(5):
    d["k" + str(i)] = i
d[1] = "int key"
d[1.0] = "same key"
print(d, d["k3"], d[True])
try:
    d["missing"]
except KeyError as e:
    print("KeyError:", e)
try:
    d[[1]] = 2
except TypeError as e:
    print("TypeError:", e)

import collections
c = collections.defaultdict(int)
c["a"] = c["a"] + 1
print(dict(c), c["zz"], len(c))

n = 123
x = -4
print(f"{n}", f"n={n}", f"{n}{x}{0}|{-9223372036854775807 - 1}", f"{x:>5}|{n!r}|{2.5}|{'q'}", f"{''}", "end")
print(len(f"{n}{n}"), f"{n}" == "123", f"é{n}ü")

values = [[3, 1, 3], "a3b3", (3, 3, 1), b"33", [3]]
for v in values:
    print(type(v).__name__, v.count(3) if not isinstance(v, (str, bytes)) else v.count("3" if isinstance(v, str) else b"3"))
for v in values:
    print(v.index(v[0]))
parts = []
for i in range(3):
    parts.append(f"item-{i}:{i % 2}")
print(",".join(parts), parts[1].split(":"))
a, b = parts[2].split(":")
print(a, b)
# expect:  5 -7 2.5 None True s [1, 'a']
# expect: 0 7 -3 42 -31 5 1
# expect: 0.0 3.0 1000.0 -inf 0.0
# expect: ValueError: invalid literal for int() with base 10: 'x1'
# expect: TypeError: int() can't convert non-string with explicit base
# expect: ValueError: could not convert string to float: 'nan?'
# expect: LookupError: unknown encoding: bogus
# expect: TypeError: int() argument must be a string, a bytes-like object or a real number, not 'NoneType'
# expect: TypeError: float() argument must be a string or a real number, not 'list'
# expect: TypeError: str() takes at most 3 arguments (4 given)
# expect: $5 5 5.5 $5 $5$5
# expect: {'k0': 0, 'k1': 1, 'k2': 2, 'k3': 3, 'k4': 4, 1: 'same key'} 3 same key
# expect: KeyError: 'missing'
# expect: TypeError: unhashable type: 'list'
# expect: {'a': 1} 0 2
# expect: 123 n=123 123-40|-9223372036854775808    -4|123|2.5|q  end
# expect: 6 True é123ü
# expect: list 2
# expect: str 2
# expect: tuple 2
# expect: bytes 2
# expect: list 1
# expect: 0
# expect: 0
# expect: 0
# expect: 0
# expect: 0
# expect: item-0:0,item-1:1,item-2:0 ['item-1', '1']
# expect: item-2 0
