# enumerate with start (positional and keyword).
def check(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
print(list(enumerate("abc")), list(enumerate("ab", 1)), list(enumerate([], 5)), list(enumerate("a", start=-1)))
e = enumerate([10, 20])
print(type(e).__name__, next(e), next(e), next(e, "end"))
for i, ch in enumerate("xy"):
    print(i, ch)
check(lambda: enumerate(5))
check(lambda: enumerate([1], "a"))
# expect: [(0, 'a'), (1, 'b'), (2, 'c')] [(1, 'a'), (2, 'b')] [] [(-1, 'a')]
# expect: enumerate (0, 10) (1, 20) end
# expect: 0 x
# expect: 1 y
# expect: TypeError 'int' object is not iterable
# expect: TypeError 'str' object cannot be interpreted as an integer
