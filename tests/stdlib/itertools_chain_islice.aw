# itertools.chain, chain.from_iterable, islice
from itertools import chain, islice, count
print(list(chain([1, 2], (3,), "ab")), list(chain.from_iterable([[1], [2, 3], []])), list(chain()))
print(list(islice(range(10), 3)), list(islice(range(10), 2, 8, 3)), list(islice(range(10), 5, None)))
print(list(islice("abc", 0)), list(islice(count(), 1, 10, 4)), list(islice([1, 2], None)))
it = iter(range(10))
print(list(islice(it, 3)), next(it))
for args in [(-1,), (1, -1), (0, 5, 0)]:
    try:
        islice([1], *args)
    except ValueError as e:
        print("ValueError:", e)
# expect: [1, 2, 3, 'a', 'b'] [1, 2, 3] []
# expect: [0, 1, 2] [2, 5] [5, 6, 7, 8, 9]
# expect: [] [1, 5, 9] [1, 2]
# expect: [0, 1, 2] 3
# expect: ValueError: Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.
# expect: ValueError: Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.
# expect: ValueError: Step for islice() must be a positive integer or None.
