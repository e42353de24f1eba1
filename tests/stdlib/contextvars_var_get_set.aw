# contextvars.ContextVar: name, get with and without defaults, set returning a Token
import contextvars
from contextvars import ContextVar, Token
v = ContextVar("v", default=1)
w = ContextVar("w")
print(v.name, w.name, v.get(), v.get(5), w.get(7), w.get(None))
try:
    w.get()
except LookupError as e:
    print(type(e).__name__, e.args[0] is w)
t = v.set(2)
print(type(t).__name__, t.var is v, t.old_value is Token.MISSING, repr(Token.MISSING))
print(v.get(), v.get(5))
t2 = v.set(3)
print(t2.old_value, v.get())
t3 = w.set([1, 2])
print(w.get(), t3.old_value is Token.MISSING, w.get(0))
print(repr(v).startswith("<ContextVar name='v' default=1 at 0x"), repr(w).startswith("<ContextVar name='w' at 0x"))
print(repr(t).startswith("<Token var=<ContextVar name='v' default=1 at "))
x = ContextVar("x", default=None)
print(x.get(), x.get("d"))
print(type(v).__name__, type(v).__module__, contextvars.Context.__name__, Token.__name__)
print(hash(v) == hash(v), {v: 1}[v])
# expect: v w 1 5 7 None
# expect: LookupError True
# expect: Token True True <Token.MISSING>
# expect: 2 2
# expect: 2 3
# expect: [1, 2] True [1, 2]
# expect: True True
# expect: True
# expect: None d
# expect: ContextVar _contextvars Context Token
# expect: True 1
