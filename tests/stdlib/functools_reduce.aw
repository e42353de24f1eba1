# functools.reduce with and without an initial value
from functools import reduce
print(reduce(lambda a, b: a + b, [1, 2, 3, 4]), reduce(lambda a, b: a * b, [], 1), reduce(max, [3, 9, 2]))
print(reduce(lambda acc, x: acc + [x * 2], range(3), []), reduce(lambda a, b: a + b, ["x"]))
try:
    reduce(lambda a, b: a, [])
except TypeError as e:
    print("TypeError:", e)
# expect: 10 1 9
# expect: [0, 2, 4] x
# expect: TypeError: reduce() of empty iterable with no initial value
