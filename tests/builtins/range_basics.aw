# range(): arguments, len, indexing, slicing, repr, equality.
def check(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
print(range(5), range(1, 5), range(0, 10, 2), range(5, 0, -1))
print(list(range(5)), list(range(2, 8, 3)), list(range(5, 0, -2)), list(range(0)), list(range(3, 1)))
r = range(0, 20, 3)
print(len(r), r[0], r[-1], r[2], r[1:4], r[::-1], r[::2], r[5:1:-2], len(range(10, 0)))
print(r.start, r.stop, r.step, r.count(3), r.count(4), r.index(9))
check(lambda: r[7])
check(lambda: r["a"])
check(lambda: range(1, 2, 0))
check(lambda: range(1.5))
check(lambda: range())
check(lambda: r.index(4))
print(range(0) == range(2, 2), range(0, 3) == range(0, 3, 1), range(1, 2) == range(1, 3, 5), range(3) != range(4))
print(hash(range(0)) == hash(range(5, 5)), range(3) == [0, 1, 2], bool(range(0)), bool(range(1)))
# expect: range(0, 5) range(1, 5) range(0, 10, 2) range(5, 0, -1)
# expect: [0, 1, 2, 3, 4] [2, 5] [5, 3, 1] [] []
# expect: 7 0 18 6 range(3, 12, 3) range(18, -3, -3) range(0, 21, 6) range(15, 3, -6) 0
# expect: 0 20 3 1 0 3
# expect: IndexError range object index out of range
# expect: TypeError range indices must be integers or slices, not str
# expect: ValueError range() arg 3 must not be zero
# expect: TypeError 'float' object cannot be interpreted as an integer
# expect: TypeError range expected at least 1 argument, got 0
# expect: ValueError 4 is not in range
# expect: True True True True
# expect: True False False True
