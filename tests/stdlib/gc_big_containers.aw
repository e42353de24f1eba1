# Collections mark big lists and tuples a chunk at a time: everything they
# hold, however nested, survives.
import gc


class Box:
    def __init__(self, v):
        self.v = v


big = [Box(i) for i in range(20000)]
nested = [[Box(i), (Box(-i), [Box(i * 2)])] for i in range(3000)]
tup = tuple([str(i) * 3 for i in range(5000)])
d = {i: [Box(i)] * 3 for i in range(3000)}
gc.collect()
junk = [[j] for j in range(50000)]
junk = None
gc.collect()
print(sum(b.v for b in big), len(big))
print(sum(x[0].v + x[1][0].v + x[1][1][0].v for x in nested))
print(tup[4999], len(tup), sum(len(s) for s in tup))
print(sum(v[2].v for v in d.values()))
# expect: 199990000 20000
# expect: 8997000
# expect: 499949994999 5000 56670
# expect: 4498500
