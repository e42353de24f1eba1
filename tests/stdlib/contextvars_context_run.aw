# Context.run: runs a callable with the context current; changes stay in that context
from contextvars import ContextVar, Context, copy_context
v = ContextVar("v", default="base")
def f(tag, suffix=""):
    before = v.get()
    v.set(tag + suffix)
    return before + " -> " + v.get()
ctx = copy_context()
print(ctx.run(f, "one"))
print(v.get(), ctx[v])
print(ctx.run(f, "two", suffix="!"))
print(ctx.run(v.get), v.get())
v.set("outer")
print(ctx.run(v.get), copy_context().run(v.get))
fresh = Context()
print(fresh.run(v.get), len(fresh))
def nested():
    c2 = copy_context()
    v.set("inner")
    return c2.run(v.get), v.get()
print(ctx.run(nested), ctx[v], v.get())
def reenter():
    ctx.run(print, "never")
try:
    ctx.run(reenter)
except RuntimeError as e:
    print(type(e).__name__, str(e).startswith("cannot enter context: <"), str(e).endswith("> is already entered"))
def boom():
    v.set("before error")
    raise ValueError("boom")
try:
    ctx.run(boom)
except ValueError as e:
    print("caught", e, ctx[v], v.get())
print(ctx.run(ctx.copy().run, v.get))
try:
    ctx.run()
except TypeError as e:
    print(e)
# expect: base -> one
# expect: base one
# expect: one -> two!
# expect: two! base
# expect: two! outer
# expect: base 0
# expect: ('two!', 'inner') inner outer
# expect: RuntimeError True True
# expect: caught boom before error outer
# expect: before error
# expect: run() missing 1 required positional argument
