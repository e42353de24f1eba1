# Item and slice assignment, including extended slices and errors.
def check(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
a = [0, 1, 2, 3, 4]
a[0] = "x"
a[-1] = "y"
print(a)
a[1:3] = [10, 20, 30]
print(a)
a[1:4] = []
print(a)
a[:0] = (7, 8)
print(a)
a[len(a):] = "ab"
print(a)
a[::2] = [0, 0, 0, 0]
print(a)
b = [1, 2, 3]
b[:] = b
print(b)
b[1:1] = b
print(b)
b[3:1] = [9]
print(b)
c = [1, 2, 3, 4]
c[::-1] = [5, 6, 7, 8]
print(c)
def set_item(l, k, v):
    l[k] = v
check(lambda: set_item(c, 9, 0))
check(lambda: set_item(c, slice(None, None, 2), [1, 2, 3]))
check(lambda: set_item(c, slice(0, 2), 5))
check(lambda: set_item(c, slice(None, None, 2), 5))
check(lambda: set_item(c, "a", 5))
# expect: ['x', 1, 2, 3, 'y']
# expect: ['x', 10, 20, 30, 3, 'y']
# expect: ['x', 3, 'y']
# expect: [7, 8, 'x', 3, 'y']
# expect: [7, 8, 'x', 3, 'y', 'a', 'b']
# expect: [0, 8, 0, 3, 0, 'a', 0]
# expect: [1, 2, 3]
# expect: [1, 1, 2, 3, 2, 3]
# expect: [1, 1, 2, 9, 3, 2, 3]
# expect: [8, 7, 6, 5]
# expect: IndexError list assignment index out of range
# expect: ValueError attempt to assign sequence of size 3 to extended slice of size 2
# expect: TypeError can only assign an iterable
# expect: TypeError must assign iterable to extended slice
# expect: TypeError list indices must be integers or slices, not str
