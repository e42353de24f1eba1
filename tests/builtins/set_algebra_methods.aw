# union, intersection, difference, symmetric_difference with several arguments.
def check(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
a = {1, 2, 3, 4}
print(a.union([5], (6,)), a.union(), a.intersection([2, 3, 9], {3, 2}), a.intersection())
print(a.difference([1], {2}), a.difference(), a.symmetric_difference([4, 5]))
print(frozenset([1, 2]).union([3]), type(frozenset([1]).union([2])).__name__)
check(lambda: a.symmetric_difference())
check(lambda: a.union(1))
print(a)
# expect: {1, 2, 3, 4, 5, 6} {1, 2, 3, 4} {2, 3} {1, 2, 3, 4}
# expect: {3, 4} {1, 2, 3, 4} {1, 2, 3, 5}
# expect: frozenset({1, 2, 3}) frozenset
# expect: TypeError set.symmetric_difference() takes exactly one argument (0 given)
# expect: TypeError 'int' object is not iterable
# expect: {1, 2, 3, 4}
