# Int sets iterate in CPython's order after adds, removes, pops and the methods.
s = set([40, 8, 16, 0, 32, 24, -8, 100, 7])
print(s)
s.discard(16)
s.add(48)
s.add(16)
print(s, s.pop(), s.pop(), s)
a = set(range(20, 0, -3))
b = set([5, 11, 17, 64, 23, 128])
print(a.union(b), a.intersection(b), a.difference(b), a.symmetric_difference(b))
c = set(a)
c.update([99, 3, 67])
c.difference_update([20, 64])
c.symmetric_difference_update([1, 2, 3, 4])
print(c)
print({x * 9 for x in range(12)})
print(set({33: 1, 1: 2, 65: 3}), frozenset([97, 1, 33]))
# expect: {32, 0, 100, 7, 40, 8, -8, 16, 24}
# expect: {100, 7, 40, 8, -8, 48, 16, 24} 32 0 {100, 7, 40, 8, -8, 48, 16, 24}
# expect: {64, 128, 2, 5, 8, 11, 14, 17, 20, 23} {17, 11, 5} {8, 2, 20, 14} {64, 128, 2, 8, 14, 20, 23}
# expect: {1, 67, 5, 4, 8, 11, 14, 17, 99}
# expect: {0, 99, 36, 72, 9, 45, 81, 18, 54, 90, 27, 63}
# expect: {65, 33, 1} frozenset({97, 1, 33})
