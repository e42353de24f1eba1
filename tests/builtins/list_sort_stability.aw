# Sorting keeps equal keys in order on runs, reversed runs and random data.
data = [((i * 37) % 11, i) for i in range(200)]
data += [(i % 5, 1000 + i) for i in range(100, 0, -1)]
by_key = sorted(data, key=lambda p: p[0])
ok = all(by_key[i][0] < by_key[i + 1][0] or (by_key[i][0] == by_key[i + 1][0] and
         data.index(by_key[i]) < data.index(by_key[i + 1])) for i in range(len(by_key) - 1))
print(ok, by_key[:4], by_key[-2:])
rev = sorted(data, key=lambda p: p[0], reverse=True)
print(rev[:4], rev[-2:])
print(sorted(range(50, 0, -1))[:5], sorted([3] * 5 + [1] * 5 + [2] * 5))
words = ["b" + str(i % 7) for i in range(60)]
print(sorted(words)[:8], sorted(words, reverse=True)[:3])
t = [(i % 3, -i) for i in range(30)]
t.sort()
print(t[:4], t[-2:])
# expect: True [(0, 0), (0, 11), (0, 22), (0, 33)] [(10, 184), (10, 195)]
# expect: [(10, 8), (10, 19), (10, 30), (10, 41)] [(0, 1010), (0, 1005)]
# expect: [1, 2, 3, 4, 5] [1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3]
# expect: ['b0', 'b0', 'b0', 'b0', 'b0', 'b0', 'b0', 'b0'] ['b6', 'b6', 'b6']
# expect: [(0, -27), (0, -24), (0, -21), (0, -18)] [(2, -5), (2, -2)]
