# sys.set_asyncgen_hooks / get_asyncgen_hooks argument errors, as CPython;
# the finalizer is set before firstiter is checked
import sys


def attempt(*args, **kw):
    try:
        sys.set_asyncgen_hooks(*args, **kw)
        print("ok")
    except TypeError as e:
        print("TypeError:", e)


attempt(1)
attempt(None, 2)
attempt(firstiter="x")
attempt(finalizer=3.5)
attempt(1, 2, 3)
attempt(bad=1)
attempt(None, firstiter=None)
attempt(print, finalizer=None)
attempt(firstiter=5, finalizer=print)
print(sys.get_asyncgen_hooks())
sys.set_asyncgen_hooks(None, None)
try:
    sys.get_asyncgen_hooks(1)
except TypeError as e:
    print("TypeError:", e)
try:
    sys.get_asyncgen_hooks(x=1)
except TypeError as e:
    print("TypeError:", e)
# expect: TypeError: callable firstiter expected, got int
# expect: TypeError: callable finalizer expected, got int
# expect: TypeError: callable firstiter expected, got str
# expect: TypeError: callable finalizer expected, got float
# expect: TypeError: function takes at most 2 arguments (3 given)
# expect: TypeError: 'bad' is an invalid keyword argument for this function
# expect: TypeError: argument for function given by name ('firstiter') and position (1)
# expect: ok
# expect: TypeError: callable firstiter expected, got int
# expect: asyncgen_hooks(firstiter=<built-in function print>, finalizer=<built-in function print>)
# expect: TypeError: sys.get_asyncgen_hooks() takes no arguments (1 given)
# expect: TypeError: sys.get_asyncgen_hooks() takes no keyword arguments
