# ContextVar.reset: restores the old value or unsets; one use per token; token checks
from contextvars import ContextVar, copy_context
v = ContextVar("v")
t1 = v.set(1)
t2 = v.set(2)
v.reset(t2)
print(v.get())
v.reset(t1)
print(v.get("unset"), v in copy_context())
try:
    v.reset(t1)
except RuntimeError as e:
    print(type(e).__name__, str(e).startswith("<Token used var=<ContextVar name='v'"), str(e).endswith("> has already been used once"))
w = ContextVar("w")
tw = w.set(1)
try:
    v.reset(tw)
except ValueError as e:
    print(type(e).__name__, str(e).endswith("was created by a different ContextVar"))
def make_token():
    return v.set(10)
tok = copy_context().run(make_token)
try:
    v.reset(tok)
except ValueError as e:
    print(type(e).__name__, str(e).endswith("was created in a different Context"))
try:
    v.reset(1)
except TypeError as e:
    print(type(e).__name__, e)
print(repr(tw).startswith("<Token var="), w.get())
w.reset(tw)
print(repr(tw).startswith("<Token used var="), w.get(None))
# expect: 1
# expect: unset False
# expect: RuntimeError True True
# expect: ValueError True
# expect: ValueError True
# expect: TypeError expected an instance of Token, got 1
# expect: True 1
# expect: True None
