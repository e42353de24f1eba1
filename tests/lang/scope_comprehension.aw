# Comprehensions are function scopes: iteration variables do not leak, the
# first iterable is evaluated outside, walrus targets bind in the enclosing
# function (or module).
i = "outer"
squares = [i * i for i in range(4)]
print(squares, i)

def w():
    [y := k * 2 for k in range(4)]
    return y
print(w())

total = 0
vals = [total := total + v for v in range(5)]
print(vals, total)

def nested_walrus():
    res = [[(last := a * b) for b in range(3)] for a in range(3)]
    return res, last
print(nested_walrus())

def first_iter_outer():
    data = [1, 2, 3]
    return [x + len(data) for x in data]
print(first_iter_outer())

print({k: v for k, v in zip("ab", (1, 2))}, sorted({c for c in "abca"}))
print([(a, b) for a in range(3) for b in range(a) if (a + b) % 2])
print([[j for j in range(i)] for i in range(4)])
gen = (x * 10 for x in range(3))
print(next(gen), list(gen))
print(sum(x for x in range(101)))

def closure_in_comp():
    base = 100
    return [(lambda: base + n)() for n in range(3)]
print(closure_in_comp())
# expect: [0, 1, 4, 9] outer
# expect: 6
# expect: [0, 1, 3, 6, 10] 10
# expect: ([[0, 0, 0], [0, 1, 2], [0, 2, 4]], 4)
# expect: [4, 5, 6]
# expect: {'a': 1, 'b': 2} ['a', 'b', 'c']
# expect: [(1, 0), (2, 1)]
# expect: [[], [0], [0, 1], [0, 1, 2]]
# expect: 0 [10, 20]
# expect: 5050
# expect: [100, 101, 102]
