# issubset, issuperset, isdisjoint, and comparison operators.
def check(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
a, b = {1, 2}, {1, 2, 3}
print(a.issubset(b), a.issubset([1, 2]), b.issubset(a), b.issuperset(a), a.issuperset([1]), a.issuperset([1, 5]))
print(a.isdisjoint({3}), a.isdisjoint([2]), a.isdisjoint(a))
print(a < b, a <= b, a <= a, a < a, b > a, b >= b, a == {2, 1}, a != b, a == frozenset([1, 2]))
print({1} == [1], {1} != [1])
check(lambda: a < [1])
check(lambda: a.issubset(5))
# expect: True True False True True False
# expect: True False False
# expect: True True True False True True True True True
# expect: False True
# expect: TypeError '<' not supported between instances of 'set' and 'list'
# expect: TypeError 'int' object is not iterable
