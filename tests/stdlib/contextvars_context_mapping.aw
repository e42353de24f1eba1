# contextvars.Context as a read-only mapping: [], get, in, len, iter, keys/values/items, ==, copy
from contextvars import ContextVar, Context, copy_context
a = ContextVar("a")
b = ContextVar("b", default=0)
empty = Context()
print(len(empty), list(empty), bool(empty), a in empty, empty.get(a), empty.get(a, 5))
try:
    empty[a]
except KeyError as e:
    print("KeyError", e.args[0] is a)
a.set("x")
ctx = copy_context()
print(len(ctx), bool(ctx), a in ctx, b in ctx, ctx[a], ctx.get(a), ctx.get(b, "dflt"))
print(list(ctx) == [a], list(ctx.keys()) == [a], list(ctx.values()), list(ctx.items()) == [(a, "x")])
for key in ctx:
    print(key is a, ctx[key])
print(ctx == copy_context(), ctx == ctx.copy(), ctx.copy() is ctx, ctx == empty, ctx != empty, empty == Context())
print(ctx == 1, ctx != "x")
try:
    hash(ctx)
except TypeError as e:
    print(type(e).__name__)
for bad in ("a", 1):
    try:
        ctx[bad]
    except TypeError as e:
        print(e)
try:
    ctx.get("a")
except TypeError as e:
    print(e)
try:
    "a" in ctx
except TypeError as e:
    print(e)
print(type(ctx).__name__, type(ctx).__module__, isinstance(ctx, Context))
# expect: 0 [] False False None 5
# expect: KeyError True
# expect: 1 True True False x x dflt
# expect: True True ['x'] True
# expect: True x
# expect: True True False False True True
# expect: False True
# expect: TypeError
# expect: a ContextVar key was expected, got 'a'
# expect: a ContextVar key was expected, got 1
# expect: a ContextVar key was expected, got 'a'
# expect: a ContextVar key was expected, got 'a'
# expect: Context _contextvars True
