# copy.copy and copy.deepcopy: containers, instances, shared and recursive references
import copy
a = [1, [2, 3], {"k": [4]}]
s = copy.copy(a)
d = copy.deepcopy(a)
a[1].append(99)
a[2]["k"].append(5)
print(s, d, s[1] is a[1], d[1] is a[1], copy.copy((1, 2)) == (1, 2))
shared = [0]
pair = [shared, shared]
dp = copy.deepcopy(pair)
print(dp[0] is dp[1], dp[0] is shared)
rec = [1]
rec.append(rec)
rc = copy.deepcopy(rec)
print(rc[1] is rc, rc is not rec)
class P:
    def __init__(self, x):
        print("init", x)
        self.x = x
        self.items = [x]
p = P(1)
p2 = copy.copy(p)
p3 = copy.deepcopy(p)
p.items.append(2)
print(p2.x, p2.items, p3.items, type(p3).__name__, p2 is p)
class C:
    def __init__(self): self.v = 1
    def __copy__(self): return "custom copy"
    def __deepcopy__(self, memo): return ("custom deep", type(memo).__name__)
print(copy.copy(C()), copy.deepcopy(C()))
print(copy.deepcopy({"a": (1, [2]), "b": {1, 2}, "c": frozenset([3])}))
t = (1, [2])
print(copy.deepcopy(t) is t, copy.deepcopy((1, 2)) == (1, 2), copy.copy({1: 2}), copy.copy({3}))
def gen():
    yield 1
for f in (copy.copy, copy.deepcopy):
    try:
        f(gen())
    except TypeError as e:
        print("TypeError:", e)
# expect: [1, [2, 3, 99], {'k': [4, 5]}] [1, [2, 3], {'k': [4]}] True False True
# expect: True False
# expect: True True
# expect: init 1
# expect: 1 [1, 2] [1] P False
# expect: custom copy ('custom deep', 'dict')
# expect: {'a': (1, [2]), 'b': {1, 2}, 'c': frozenset({3})}
# expect: False True {1: 2} {3}
# expect: TypeError: cannot pickle 'generator' object
# expect: TypeError: cannot pickle 'generator' object
