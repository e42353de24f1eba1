# random: ranges and distributions stay within bounds
import random
random.seed(1)
print(all(1 <= random.randint(1, 6) <= 6 for _ in range(500)))
print(sorted(set(random.randint(1, 3) for _ in range(300))))
print(all(random.randrange(10) in range(10) for _ in range(200)))
print(all(random.randrange(10, 0, -2) in range(10, 0, -2) for _ in range(200)))
print(all(random.randrange(-5, 5, 3) in range(-5, 5, 3) for _ in range(200)))
print(all(2.0 <= random.uniform(2, 3) <= 3.0 for _ in range(200)))
print(all(0 <= random.getrandbits(8) < 256 for _ in range(200)), random.getrandbits(0))
print(random.randrange(3.0) in (0, 1, 2), random.choice("a") == "a", random.choice([7]))
g = [random.gauss(0, 1) for _ in range(2000)]
print(abs(sum(g) / len(g)) < 0.2, all(0 <= random.expovariate(1) for _ in range(50)))
print(all(1 <= random.triangular(1, 3) <= 3 for _ in range(50)))
# expect: True
# expect: [1, 2, 3]
# expect: True
# expect: True
# expect: True
# expect: True
# expect: True 0
# expect: True True 7
# expect: True True
# expect: True
