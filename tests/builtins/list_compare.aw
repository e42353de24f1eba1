# Lexicographic comparisons and equality, hash errors.
def check(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
print([1, 2] == [1, 2], [1, 2] != [1, 2.0], [1, 2] == (1, 2))
print([1, 2] < [1, 3], [1, 2] < [1, 2, 0], [2] > [1, 9], [] < [0], [1] <= [1], [1] >= [2])
print([[1, 2], [1]] < [[1, 2], [2]])
check(lambda: [1] < [None])
check(lambda: [1] < (1,))
check(lambda: hash([1]))
nan = float("nan")
l = [nan]
print(l == l, nan in l)
# expect: True False False
# expect: True True True True True False
# expect: True
# expect: TypeError '<' not supported between instances of 'int' and 'NoneType'
# expect: TypeError '<' not supported between instances of 'list' and 'tuple'
# expect: TypeError unhashable type: 'list'
# expect: True True
