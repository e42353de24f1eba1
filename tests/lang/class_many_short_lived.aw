# Thousands of classes made and dropped: each instance keeps reporting its
# own class (type, isinstance, attributes, methods) as dead classes are
# collected and new ones take their place.
import gc


def make(i):
    class K:
        tag = i

        def who(self):
            return (type(self).__name__, self.tag)

    K.__name__ = f'K{i}'
    return K


def probe(obj):
    return obj.who(), obj.tag


kept = []
total = 0
for i in range(3000):
    k = make(i)
    o = k()
    assert type(o) is k and isinstance(o, k)
    name, tag = o.who()
    total += tag
    if i % 500 == 0:
        kept.append(o)
        gc.collect()
print(total)
for o in kept:
    print(probe(o), type(o).__name__, type(type(o)).__name__)
print(sorted({type(o).tag for o in kept}))
# expect: 4498500
# expect: (('K0', 0), 0) K0 type
# expect: (('K500', 500), 500) K500 type
# expect: (('K1000', 1000), 1000) K1000 type
# expect: (('K1500', 1500), 1500) K1500 type
# expect: (('K2000', 2000), 2000) K2000 type
# expect: (('K2500', 2500), 2500) K2500 type
# expect: [0, 500, 1000, 1500, 2000, 2500]
