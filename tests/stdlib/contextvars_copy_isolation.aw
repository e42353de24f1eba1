# Copies of a context are independent snapshots: writes on either side never show on the other
from contextvars import ContextVar, copy_context
vs = [ContextVar("v%d" % i) for i in range(5)]
for i, var in enumerate(vs):
    var.set(i)
snap = copy_context()
snap2 = snap.copy()
vs[0].set(100)
print(snap[vs[0]], snap2[vs[0]], vs[0].get())
def change():
    vs[1].set(-1)
    vs[4].set(-4)
    return [x.get() for x in vs]
print(snap.run(change))
print([snap2[x] for x in vs], [x.get() for x in vs], [snap[x] for x in vs])
keys = snap.keys()
it = iter(snap)
items_before = list(snap.items())
def change_again():
    vs[2].set("changed")
    t = vs[3].set("tmp")
    vs[3].reset(t)
    return vs[2].get(), vs[3].get()
print(snap.run(change_again))
print(len(list(it)), len(keys), dict(items_before)[vs[2]], snap[vs[2]], snap2[vs[2]])
copies = [copy_context() for _ in range(3)]
vs[0].set("after copies")
print([c[vs[0]] for c in copies], vs[0].get())
def in_copy(n):
    vs[0].set(n)
    return vs[0].get()
print([c.run(in_copy, i) for i, c in enumerate(copies)], [c[vs[0]] for c in copies], vs[0].get())
# expect: 0 0 100
# expect: [0, -1, 2, 3, -4]
# expect: [0, 1, 2, 3, 4] [100, 1, 2, 3, 4] [0, -1, 2, 3, -4]
# expect: ('changed', 3)
# expect: 5 5 2 changed 2
# expect: [100, 100, 100] after copies
# expect: [0, 1, 2] [0, 1, 2] after copies
