# itertools.accumulate, zip_longest, takewhile, dropwhile, filterfalse, starmap, compress, pairwise
from itertools import *
print(list(accumulate([1, 2, 3, 4])), list(accumulate([1, 2, 3], lambda a, b: a * b)), list(accumulate([1, 2], initial=10)), list(accumulate([], initial=5)))
print(list(accumulate(["a", "b", "c"])), list(accumulate([3, 1, 4, 1, 5], max)))
print(list(zip_longest("abc", [1])), list(zip_longest([1], [2, 3], fillvalue=0)), list(zip_longest()))
print(list(takewhile(lambda x: x < 3, [1, 2, 3, 1])), list(dropwhile(lambda x: x < 3, [1, 2, 3, 1])))
print(list(filterfalse(None, [0, 1, 2, 0])), list(filterfalse(lambda x: x % 2, range(6))))
print(list(starmap(pow, [(2, 3), (3, 2)])), list(compress("abcdef", [1, 0, 1, 0, 1])))
print(list(pairwise("abcd")), list(pairwise([1])))
# expect: [1, 3, 6, 10] [1, 2, 6] [10, 11, 13] [5]
# expect: ['a', 'ab', 'abc'] [3, 3, 4, 4, 5]
# expect: [('a', 1), ('b', None), ('c', None)] [(1, 2), (0, 3)] []
# expect: [1, 2] [3, 1]
# expect: [0, 0] [0, 2, 4]
# expect: [8, 9] ['a', 'c', 'e']
# expect: [('a', 'b'), ('b', 'c'), ('c', 'd')] []
