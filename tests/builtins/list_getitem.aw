# Indexing and slicing with steps, negatives and out-of-range bounds.
def check(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
a = [0, 1, 2, 3, 4, 5]
print(a[0], a[-1], a[True])
print(a[1:3], a[:2], a[4:], a[-2:], a[:-4], a[::2], a[1::2], a[::-1], a[4:1:-1])
print(a[10:], a[-100:2], a[3:1], a[::-2], a[-1:-7:-2])
check(lambda: a[6])
check(lambda: a[-7])
check(lambda: a["1"])
check(lambda: a[1.0])
check(lambda: a[::0])
print(a[slice(1, 4)], a[slice(None, None, 3)])
# expect: 0 5 1
# expect: [1, 2] [0, 1] [4, 5] [4, 5] [0, 1] [0, 2, 4] [1, 3, 5] [5, 4, 3, 2, 1, 0] [4, 3, 2]
# expect: [] [0, 1] [] [5, 3, 1] [5, 3, 1]
# expect: IndexError list index out of range
# expect: IndexError list index out of range
# expect: TypeError list indices must be integers or slices, not str
# expect: TypeError list indices must be integers or slices, not float
# expect: ValueError slice step cannot be zero
# expect: [1, 2, 3] [0, 3]
