# sys.get_asyncgen_hooks / sys.set_asyncgen_hooks: a named tuple, keyword
# or positional arguments, None clears, an omitted one is kept
import sys

h = sys.get_asyncgen_hooks()
print(h)
print(type(h).__name__, h.firstiter, h.finalizer, h[0], h[1], len(h))
a, b = h
print(a, b, h == (None, None), tuple(h))


def first(ag):
    pass


def fin(ag):
    pass


sys.set_asyncgen_hooks(first, fin)
h = sys.get_asyncgen_hooks()
print(h.firstiter is first, h.finalizer is fin, h == (first, fin))
sys.set_asyncgen_hooks(firstiter=None)
h = sys.get_asyncgen_hooks()
print(h.firstiter, h.finalizer is fin)
sys.set_asyncgen_hooks(finalizer=None)
print(sys.get_asyncgen_hooks())
sys.set_asyncgen_hooks(finalizer=fin)
sys.set_asyncgen_hooks()
print(sys.get_asyncgen_hooks().finalizer is fin)
print(sys.set_asyncgen_hooks(None, None), sys.get_asyncgen_hooks())
# expect: asyncgen_hooks(firstiter=None, finalizer=None)
# expect: asyncgen_hooks None None None None 2
# expect: None None True (None, None)
# expect: True True True
# expect: None True
# expect: asyncgen_hooks(firstiter=None, finalizer=None)
# expect: True
# expect: None asyncgen_hooks(firstiter=None, finalizer=None)
