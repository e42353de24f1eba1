# slice(): attributes, indices(), equality, use in subscripts.
def check(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
s = slice(1, 10, 2)
print(s, slice(5), slice(None, None, -1), s.start, s.stop, s.step)
print(s.indices(6), slice(None, None, -1).indices(4), slice(-100, 100).indices(5), slice(-2, None).indices(5))
print([0, 1, 2, 3, 4][slice(1, None, 2)], "abcdef"[slice(None, None, -2)], (1, 2, 3)[slice(1)])
print(slice(1, 2) == slice(1, 2), slice(1, 2) == slice(1, 3))
check(lambda: slice(1, 2, 0).indices(5))
check(lambda: slice(1, 2).indices(-1))
check(lambda: [1, 2][1:2:0])
check(lambda: slice())
check(lambda: [1, 2]["a":])
check(lambda: hash(slice(1)))
class I:
    def __index__(self):
        return 2
print([0, 1, 2, 3][I():], [0, 1, 2, 3][:I()], [0, 1, 2][I()])
# expect: slice(1, 10, 2) slice(None, 5, None) slice(None, None, -1) 1 10 2
# expect: (1, 6, 2) (3, -1, -1) (0, 5, 1) (3, 5, 1)
# expect: [1, 3] fdb (1,)
# expect: True False
# expect: ValueError slice step cannot be zero
# expect: ValueError length should not be negative
# expect: ValueError slice step cannot be zero
# expect: TypeError slice expected at least 1 argument, got 0
# expect: TypeError slice indices must be integers or None or have an __index__ method
# expect: TypeError unhashable type: 'slice'
# expect: [2, 3] [0, 1] 2
