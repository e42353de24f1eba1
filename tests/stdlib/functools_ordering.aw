# functools.cmp_to_key and total_ordering
from functools import cmp_to_key, total_ordering
print(sorted([3, 1, 2], key=cmp_to_key(lambda a, b: b - a)))
print(sorted(["bb", "a", "ccc"], key=cmp_to_key(lambda a, b: len(a) - len(b))))
print(max([1, 5, 3], key=cmp_to_key(lambda a, b: a - b)))
@total_ordering
class V:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
    def __lt__(self, o): return self.v < o.v
print(V(1) < V(2), V(1) > V(2), V(2) >= V(2), V(1) <= V(0), V(3) > V(1), V(2) <= V(2))
@total_ordering
class G:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
    def __ge__(self, o): return self.v >= o.v
print(G(1) < G(2), G(1) > G(2), G(2) <= G(2), G(3) > G(3))
try:
    @total_ordering
    class Nothing:
        pass
except ValueError as e:
    print("ValueError:", e)
# expect: [3, 2, 1]
# expect: ['a', 'bb', 'ccc']
# expect: 5
# expect: True False True False True True
# expect: True False True False
# expect: ValueError: must define at least one ordering operation: < > <= >=
