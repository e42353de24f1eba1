# bisect: bisect_left/right, insort, lo/hi and key
import bisect
a = [1, 2, 2, 2, 3, 5]
print(bisect.bisect_left(a, 2), bisect.bisect_right(a, 2), bisect.bisect(a, 4), bisect.bisect_left(a, 0), bisect.bisect_right(a, 9))
print(bisect.bisect_left(a, 2, 2), bisect.bisect_right(a, 2, 0, 3), bisect.bisect_left(a, 2, lo=4))
b = []
for x in [5, 1, 4, 2, 3, 2]:
    bisect.insort(b, x)
print(b)
bisect.insort_left(b, 2)
print(b)
recs = [("a", 1), ("b", 3), ("c", 5)]
print(bisect.bisect_left(recs, 3, key=lambda r: r[1]), bisect.bisect_right(recs, 3, key=lambda r: r[1]))
bisect.insort(recs, ("d", 4), key=lambda r: r[1])
print(recs)
print(bisect.bisect_left("acegi", "d"), bisect.bisect_right((1, 2, 3), 2))
try:
    bisect.bisect_left(a, 1, -1)
except ValueError as e:
    print("ValueError:", e)
# expect: 1 4 5 0 6
# expect: 2 3 4
# expect: [1, 2, 2, 3, 4, 5]
# expect: [1, 2, 2, 2, 3, 4, 5]
# expect: 1 2
# expect: [('a', 1), ('b', 3), ('d', 4), ('c', 5)]
# expect: 2 2
# expect: ValueError: lo must be non-negative
