# itertools.groupby and tee
from itertools import groupby, tee
print([(k, list(g)) for k, g in groupby("aaabbcaa")])
print([(k, list(g)) for k, g in groupby([1, 2, 3, 4, 5], key=lambda x: x // 2)])
print([k for k, g in groupby("aabbbc")], list(groupby([])))
gs = list(groupby("aabb"))
print([(k, list(g)) for k, g in gs])
it = groupby("xxy")
k, g = next(it)
print(k, next(g))
k2, g2 = next(it)
print(k2, list(g), list(g2))
a, b = tee([1, 2, 3])
print(next(a), list(b), list(a))
x, y, z = tee(range(2), 3)
print(list(x), list(y), list(z), tee([1], 0))
# expect: [('a', ['a', 'a', 'a']), ('b', ['b', 'b']), ('c', ['c']), ('a', ['a', 'a'])]
# expect: [(0, [1]), (1, [2, 3]), (2, [4, 5])]
# expect: ['a', 'b', 'c'] []
# expect: [('a', []), ('b', [])]
# expect: x x
# expect: y [] ['y']
# expect: 1 [1, 2, 3] [2, 3]
# expect: [0, 1] [0, 1] [0, 1] ()
