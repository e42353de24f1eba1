# set() and frozenset() from iterables; small int sets print in CPython's order.
def check(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
print(set(), frozenset(), set([3, 1, 2]), set("aa"), set(range(5)), set({1: 2}))
print(frozenset([2, 1]), {5, 3, 9, 1}, {16, 8, 0}, set((100, 4, 36)))
print(len(set([1, 1, 1.0, True])))
check(lambda: set(1))
check(lambda: set([1], [2]))
check(lambda: set([[1]]))
check(lambda: {[]})
f = frozenset([1])
print(frozenset(f) is f, type(f).__name__)
# expect: set() frozenset() {1, 2, 3} {'a'} {0, 1, 2, 3, 4} {1}
# expect: frozenset({1, 2}) {9, 3, 5, 1} {16, 8, 0} {100, 4, 36}
# expect: 1
# expect: TypeError 'int' object is not iterable
# expect: TypeError set expected at most 1 argument, got 2
# expect: TypeError unhashable type: 'list'
# expect: TypeError unhashable type: 'list'
# expect: True frozenset
