# random: choice, choices, shuffle, sample
import random
random.seed(3)
items = list(range(10))
random.shuffle(items)
print(sorted(items) == list(range(10)))
s = random.sample(range(100), 10)
print(len(s), len(set(s)), all(0 <= x < 100 for x in s))
print(sorted(random.sample("abc", 3)), random.sample([1, 2], 0))
c = random.choices(["a", "b"], k=20)
print(len(c), set(c) <= {"a", "b"})
print(set(random.choices(["x", "y", "z"], weights=[0, 1, 0], k=10)))
print(set(random.choices(["x", "y"], cum_weights=[0, 5], k=10)))
print(random.choice((1, 2, 3)) in (1, 2, 3), random.sample([5, 5, 5], 2))
print(sorted(random.sample(["a", "b"], k=4, counts=[2, 2])))
# expect: True
# expect: 10 10 True
# expect: ['a', 'b', 'c'] []
# expect: 20 True
# expect: {'y'}
# expect: {'y'}
# expect: True [5, 5]
# expect: ['a', 'a', 'b', 'b']
