# functools.wraps / update_wrapper copy the name, doc and __wrapped__
from functools import wraps, update_wrapper
def deco(fn):
    @wraps(fn)
    def inner(*a, **k):
        return ("wrapped", fn(*a, **k))
    return inner
def named(x):
    return x
named.__doc__ = "doc here"
named = deco(named)
print(named.__name__, named.__doc__, named(4), named.__wrapped__.__name__, named.__qualname__)
def other():
    pass
def target():
    pass
target.__doc__ = "target doc"
w = update_wrapper(other, target)
print(w is other, other.__name__, other.__doc__)
# expect: named doc here ('wrapped', 4) named named
# expect: True target target doc
