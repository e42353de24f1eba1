# zip: shortest wins, strict=True errors, any iterables.
def check(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
print(list(zip([1, 2, 3], "ab")), list(zip()), list(zip([1, 2])), list(zip(range(3), (4, 5, 6), "xyz")))
print(list(zip([1, 2], [3, 4], strict=True)))
check(lambda: list(zip([1, 2], [3], strict=True)))
check(lambda: list(zip([1], [3, 4], strict=True)))
check(lambda: list(zip([1], [2], [3, 4], strict=True)))
check(lambda: list(zip([1, 2], [3, 4], [5], strict=True)))
check(lambda: zip(1))
check(lambda: zip([1], foo=1))
z = zip("ab", [1, 2])
print(type(z).__name__, next(z), list(z))
keys, vals = zip(*[("a", 1), ("b", 2)])
print(keys, vals)
# expect: [(1, 'a'), (2, 'b')] [] [(1,), (2,)] [(0, 4, 'x'), (1, 5, 'y'), (2, 6, 'z')]
# expect: [(1, 3), (2, 4)]
# expect: ValueError zip() argument 2 is shorter than argument 1
# expect: ValueError zip() argument 2 is longer than argument 1
# expect: ValueError zip() argument 3 is longer than arguments 1-2
# expect: ValueError zip() argument 3 is shorter than arguments 1-2
# expect: TypeError 'int' object is not iterable
# expect: TypeError 'foo' is an invalid keyword argument for zip()
# expect: zip ('a', 1) [('b', 2)]
# expect: ('a', 'b') (1, 2)
