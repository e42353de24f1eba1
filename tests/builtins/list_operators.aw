# + += * *= in, and their errors.
def check(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
a = [1, 2]
print(a + [3], a * 2, 2 * a, a * 0, a * -1, [] * 5)
b = a
b += (3, 4)
print(a, b is a)
b *= 2
print(a)
print(2 in a, 9 in a, 9 not in a)
check(lambda: [1] + (2,))
check(lambda: [1] + 1)
check(lambda: [1] * "a")
check(lambda: [1] * 1.5)
c = [[]] * 3
c[0].append(1)
print(c)
# expect: [1, 2, 3] [1, 2, 1, 2] [1, 2, 1, 2] [] [] []
# expect: [1, 2, 3, 4] True
# expect: [1, 2, 3, 4, 1, 2, 3, 4]
# expect: True False True
# expect: TypeError can only concatenate list (not "tuple") to list
# expect: TypeError can only concatenate list (not "int") to list
# expect: TypeError can't multiply sequence by non-int of type 'str'
# expect: TypeError can't multiply sequence by non-int of type 'float'
# expect: [[1], [1], [1]]
