# | & - ^ and in-place forms, types of results, errors.
def check(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
a, b = {1, 2, 3}, {3, 4}
print(a | b, a & b, a - b, b - a, a ^ b)
f = frozenset([1, 2])
print(type(f | a).__name__, type(a | f).__name__, f & a)
c = a
c |= {9}
c &= {1, 2, 9}
c -= {1}
c ^= {2, 5}
print(a, c is a)
check(lambda: a | [1])
check(lambda: a - 1)
print(2 in a, 7 in a, {1} in {frozenset([1])}, frozenset() in {frozenset()})
check(lambda: [] in a)
# expect: {1, 2, 3, 4} {3} {1, 2} {4} {1, 2, 4}
# expect: frozenset set frozenset({1, 2})
# expect: {5, 9} True
# expect: TypeError unsupported operand type(s) for |: 'set' and 'list'
# expect: TypeError unsupported operand type(s) for -: 'set' and 'int'
# expect: False False True True
# expect: TypeError unhashable type: 'list'
