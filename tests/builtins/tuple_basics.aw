# tuple(): construction, indexing, slicing, count, index, len, in.
def check(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
print(tuple(), tuple([1, 2]), tuple("ab"), tuple(range(3)), (1,))
t = (1, 2, 3, 2, 1)
print(t[0], t[-1], t[1:3], t[::-1], t[::2], t[10:])
print(t.count(2), t.index(2), t.index(2, 2), t.index(1, 1, 5), len(t), 3 in t, 9 in t)
check(lambda: t[5])
check(lambda: t["a"])
check(lambda: t.index(9))
check(lambda: tuple(1))
check(lambda: tuple([1], [2]))
a = (1, 2)
print(tuple(a) is a, a[:] is a)
# expect: () (1, 2) ('a', 'b') (0, 1, 2) (1,)
# expect: 1 1 (2, 3) (1, 2, 3, 2, 1) (1, 3, 1) ()
# expect: 2 1 3 4 5 True False
# expect: IndexError tuple index out of range
# expect: TypeError tuple indices must be integers or slices, not str
# expect: ValueError tuple.index(x): x not in tuple
# expect: TypeError 'int' object is not iterable
# expect: TypeError tuple expected at most 1 argument, got 2
# expect: True True
