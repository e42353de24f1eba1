# reverse and copy.
a = [1, 2, 3]
a.reverse()
print(a)
b = a.copy()
b.append(4)
print(a, b)
e = []
e.reverse()
print(e, e.copy())
# expect: [3, 2, 1]
# expect: [3, 2, 1] [3, 2, 1, 4]
# expect: [] []
