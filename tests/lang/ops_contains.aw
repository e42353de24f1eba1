# `in`: built-in containers, __contains__, fallback to iteration, errors
print(2 in [1, 2], 3 in (1, 2), "a" in {"a": 1}, 1 in {1.0}, 1.0 in [True])
print("ll" in "hello", "" in "x", "é" in "café", "x" not in "abc")
print(97 in b"abc", b"bc" in b"abc", b"" in b"", 5 in range(0, 10, 5), 6 in range(0, 10, 5))
print(-3 in range(0, -10, -3), 0 in range(0), 2.0 in range(3), 2.5 in range(3), True in range(2))
nan = float("nan")
print(nan in [nan], [1, [2]] in [[1, [2]]], None in [0, False, ""])
class C:
    def __contains__(self, x):
        return x == 42
class It:
    def __iter__(self):
        return iter([1, 2, 3])
class G:
    def __getitem__(self, i):
        if i > 5:
            raise IndexError
        return i * i
print(42 in C(), 41 in C(), 41 not in C(), 2 in It(), 4 in It(), 25 in G(), 7 in G())
class Truthy:
    def __contains__(self, x):
        return [x]
print(0 in Truthy())
for f in (lambda: 1 in 5, lambda: 1 in "a", lambda: "a" in b"a", lambda: 256 in b"a", lambda: [] in {1: 2}, lambda: 1 in object()):
    try:
        print(f())
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
# expect: True False True True True
# expect: True True True True
# expect: True True True True False
# expect: True False True False True
# expect: True True False
# expect: True False True True False True False
# expect: True
# expect: TypeError: argument of type 'int' is not iterable
# expect: TypeError: 'in <string>' requires string as left operand, not int
# expect: TypeError: a bytes-like object is required, not 'str'
# expect: ValueError: byte must be in range(0, 256)
# expect: TypeError: unhashable type: 'list'
# expect: TypeError: argument of type 'object' is not iterable
