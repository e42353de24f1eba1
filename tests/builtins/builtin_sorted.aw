# sorted(): key, reverse, stability, any iterable
print(sorted([3, 1, 2]), sorted("cba"), sorted((2, 1)), sorted({3: 0, 1: 0}), sorted([]))
print(sorted([3, 1, 2], reverse=True), sorted(["bb", "a", "ccc"], key=len, reverse=True))
data = [("a", 2), ("b", 1), ("c", 2), ("d", 1)]
print(sorted(data, key=lambda t: t[1]))
print(sorted(data, key=lambda t: t[1], reverse=True))
print(sorted(range(5), key=lambda x: -x))
l = [2, 1]
s = sorted(l)
print(l, s, s is l)
for call in [lambda: sorted([1, "a"]), lambda: sorted(1), lambda: sorted([1], [2]),
             lambda: sorted([1], foo=1)]:
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)
# expect: [1, 2, 3] ['a', 'b', 'c'] [1, 2] [1, 3] []
# expect: [3, 2, 1] ['ccc', 'bb', 'a']
# expect: [('b', 1), ('d', 1), ('a', 2), ('c', 2)]
# expect: [('a', 2), ('c', 2), ('b', 1), ('d', 1)]
# expect: [4, 3, 2, 1, 0]
# expect: [2, 1] [1, 2] False
# expect: TypeError: '<' not supported between instances of 'str' and 'int'
# expect: TypeError: 'int' object is not iterable
# expect: TypeError: sorted expected 1 argument, got 2
# expect: TypeError: 'foo' is an invalid keyword argument for sort()
