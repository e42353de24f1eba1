# itertools.count, cycle, repeat
from itertools import count, cycle, repeat, islice
print(list(islice(count(), 5)), list(islice(count(10, 2), 3)), list(islice(count(1.5), 2)), list(islice(count(5, -1), 3)))
print(count(5), count(5, 2), count())
c = count(3)
next(c)
print(c)
print(list(islice(cycle("ab"), 5)), list(cycle([])))
print(list(repeat(1, 3)), list(islice(repeat("x"), 2)), repeat(1, 2), list(repeat(0, -1)))
print(list(map(pow, range(4), repeat(2))))
# expect: [0, 1, 2, 3, 4] [10, 12, 14] [1.5, 2.5] [5, 4, 3]
# expect: count(5) count(5, 2) count(0)
# expect: count(4)
# expect: ['a', 'b', 'a', 'b', 'a'] []
# expect: [1, 1, 1] ['x', 'x'] repeat(1, 2) []
# expect: [0, 1, 4, 9]
