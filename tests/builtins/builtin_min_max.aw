# min() and max(): iterable or several args, key, default
print(min(3, 1, 2), max(3, 1, 2), min([4, 2, 8]), max("hello"), min((5,)))
print(max([1, 3, 2], key=lambda x: -x), min(["bb", "a", "ccc"], key=len))
print(max([], default="empty"), min([], default=None), max([1], default=0))
print(max([1, 1.5, True]), min(2, 2.0), max(2.0, 2))
print(max([(1, "b"), (1, "a")]), min("b", "a", "c"))
print(max([3, 1, 3], key=lambda x: 0))
def gen():
    yield 5
    yield 9
    yield 1
print(max(gen()), min(gen()))
for call in [lambda: max([]), lambda: min(()), lambda: max(), lambda: max(1),
             lambda: max(1, 2, default=0), lambda: min(1, 2, foo=1), lambda: max([1, "a"])]:
    try:
        call()
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
# expect: 1 3 2 o 5
# expect: 1 a
# expect: empty None 1
# expect: 1.5 2 2.0
# expect: (1, 'b') a
# expect: 3
# expect: 9 1
# expect: ValueError: max() arg is an empty sequence
# expect: ValueError: min() arg is an empty sequence
# expect: TypeError: max expected at least 1 argument, got 0
# expect: TypeError: 'int' object is not iterable
# expect: TypeError: Cannot specify a default for max() with multiple positional arguments
# expect: TypeError: 'foo' is an invalid keyword argument for min()
# expect: TypeError: '>' not supported between instances of 'str' and 'int'
