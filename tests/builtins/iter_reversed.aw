# reversed on lists, tuples, strs, ranges, dicts and sequence classes.
def check(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
print(list(reversed([1, 2, 3])), list(reversed((1, 2))), list(reversed("abc")), list(reversed(range(3))))
print(list(reversed({"a": 1, "b": 2})), list(reversed([])))
class Seq:
    def __len__(self):
        return 3
    def __getitem__(self, i):
        return i * 10
print(list(reversed(Seq())))
class Rev:
    def __reversed__(self):
        return iter("zyx")
print(list(reversed(Rev())))
check(lambda: reversed(5))
check(lambda: reversed({1, 2}))
check(lambda: reversed())
# expect: [3, 2, 1] [2, 1] ['c', 'b', 'a'] [2, 1, 0]
# expect: ['b', 'a'] []
# expect: [20, 10, 0]
# expect: ['z', 'y', 'x']
# expect: TypeError 'int' object is not reversible
# expect: TypeError 'set' object is not reversible
# expect: TypeError reversed expected 1 argument, got 0
