# repr of containers, nested and recursive
print([1, "a", 2.5, None, True], (1,), (), (1, 2), [], {})
print({"a": 1, 2: [3]}, {1, 2, 3}, set(), frozenset({1}), frozenset())
print([[], [()], {"k": (1,)}], ["it's", 'say "hi"', "\n\t\\"])
print(range(5), range(1, 10, 2), range(0, -5, -1), slice(1, 2), slice(None, 5, -1), slice("a", [1], None))
l = [1]
l.append(l)
print(l)
d = {"self": None}
d["self"] = d
print(d)
t = ([],)
t[0].append(t)
print(t)
a = [1]
b = [a, a]
print(b, repr(b))
print(str([1.0, 1e16, 1e-5, float("inf"), -0.0]))
print([b"a\x00\xff", "é"], [NotImplemented, Ellipsis, ...])
print({1: {2: {3: []}}}, str({"x": "y"}))
# expect: [1, 'a', 2.5, None, True] (1,) () (1, 2) [] {}
# expect: {'a': 1, 2: [3]} {1, 2, 3} set() frozenset({1}) frozenset()
# expect: [[], [()], {'k': (1,)}] ["it's", 'say "hi"', '\n\t\\']
# expect: range(0, 5) range(1, 10, 2) range(0, -5, -1) slice(1, 2, None) slice(None, 5, -1) slice('a', [1], None)
# expect: [1, [...]]
# expect: {'self': {...}}
# expect: ([(...)],)
# expect: [[1], [1]] [[1], [1]]
# expect: [1.0, 1e+16, 1e-05, inf, -0.0]
# expect: [b'a\x00\xff', 'é'] [NotImplemented, Ellipsis, Ellipsis]
# expect: {1: {2: {3: []}}} {'x': 'y'}
