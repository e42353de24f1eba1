# collections.defaultdict
from collections import defaultdict
d = defaultdict(list)
d["a"].append(1)
d["a"].append(2)
d["b"].append(3)
print(d, d["a"], len(d), "c" in d, sorted(d.keys()), d.default_factory)
c = defaultdict(int)
for ch in "hello":
    c[ch] += 1
print(sorted(c.items()), c.get("z"), "z" in c, c["z"], "z" in c)
n = defaultdict(None, {"x": 1})
try:
    n["missing"]
except KeyError as e:
    print("KeyError:", e)
print(n, dict(n.items()), list(n), n.pop("x"), n)
print(defaultdict(lambda: "dflt")["k"])
# expect: defaultdict(<class 'list'>, {'a': [1, 2], 'b': [3]}) [1, 2] 2 False ['a', 'b'] <class 'list'>
# expect: [('e', 1), ('h', 1), ('l', 2), ('o', 1)] None False 0 True
# expect: KeyError: 'missing'
# expect: defaultdict(None, {}) {'x': 1} ['x'] 1 defaultdict(None, {})
# expect: dflt
