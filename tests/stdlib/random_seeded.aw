# random: seeding makes sequences repeat (the values themselves differ from CPython's)
import random
random.seed(42)
a = [random.random() for _ in range(5)]
random.seed(42)
b = [random.random() for _ in range(5)]
print(a == b, all(0 <= x < 1 for x in a))
random.seed("hello")
s1 = random.randint(1, 1000)
random.seed("hello")
print(s1 == random.randint(1, 1000))
st = random.getstate()
x = random.random()
random.setstate(st)
print(x == random.random())
r1 = random.Random(7)
r2 = random.Random(7)
print([r1.randint(0, 100) for _ in range(5)] == [r2.randint(0, 100) for _ in range(5)])
# expect: True True
# expect: True
# expect: True
# expect: True
