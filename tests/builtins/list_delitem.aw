# del of items and slices (with steps).
def check(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
a = list(range(10))
del a[0]
del a[-1]
print(a)
del a[1:3]
print(a)
del a[::2]
print(a)
b = list(range(10))
del b[::-3]
print(b)
del b[5:1]
print(b)
del b[:]
print(b)
def delete(l, k):
    del l[k]
check(lambda: delete([1], 5))
check(lambda: delete([1], "x"))
# expect: [1, 2, 3, 4, 5, 6, 7, 8]
# expect: [1, 4, 5, 6, 7, 8]
# expect: [4, 6, 8]
# expect: [1, 2, 4, 5, 7, 8]
# expect: [1, 2, 4, 5, 7, 8]
# expect: []
# expect: IndexError list assignment index out of range
# expect: TypeError list indices must be integers or slices, not str
