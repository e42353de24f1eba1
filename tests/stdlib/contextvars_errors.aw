# contextvars argument errors, read-only attributes and Token construction
from contextvars import ContextVar, Context, Token, copy_context
v = ContextVar("v")
tok = v.set(1)
def attempt(fn):
    try:
        print(repr(fn()))
    except (TypeError, AttributeError, RuntimeError) as e:
        print(type(e).__name__ + ":", e)
attempt(lambda: ContextVar())
attempt(lambda: ContextVar(1))
attempt(lambda: ContextVar("x", 1))
attempt(lambda: ContextVar(name="x"))
attempt(lambda: ContextVar("x", foo=1))
attempt(lambda: v.get(1, 2))
attempt(lambda: v.get(default=1))
attempt(lambda: v.set())
attempt(lambda: v.set(1, 2))
attempt(lambda: v.reset())
attempt(lambda: copy_context(1))
attempt(lambda: Context(1))
attempt(lambda: Token())
attempt(lambda: copy_context().get())
attempt(lambda: copy_context().get(v, 1, 2))
attempt(lambda: copy_context().keys(1))
attempt(lambda: copy_context().copy(1))
attempt(lambda: ContextVar.get(1))
attempt(lambda: Context.run(1, print))
def set_name():
    v.name = "other"
attempt(set_name)
def set_var():
    tok.var = None
attempt(set_var)
attempt(lambda: v.name)
# expect: TypeError: ContextVar() takes exactly 1 positional argument (0 given)
# expect: TypeError: context variable name must be a str
# expect: TypeError: ContextVar() takes at most 1 positional argument (2 given)
# expect: TypeError: ContextVar() takes exactly 1 positional argument (0 given)
# expect: TypeError: 'foo' is an invalid keyword argument for ContextVar()
# expect: TypeError: get expected at most 1 argument, got 2
# expect: TypeError: ContextVar.get() takes no keyword arguments
# expect: TypeError: ContextVar.set() takes exactly one argument (0 given)
# expect: TypeError: ContextVar.set() takes exactly one argument (2 given)
# expect: TypeError: ContextVar.reset() takes exactly one argument (0 given)
# expect: TypeError: _contextvars.copy_context() takes no arguments (1 given)
# expect: TypeError: Context() does not accept any arguments
# expect: RuntimeError: Tokens can only be created by ContextVars
# expect: TypeError: get expected at least 1 argument, got 0
# expect: TypeError: get expected at most 2 arguments, got 3
# expect: TypeError: Context.keys() takes no arguments (1 given)
# expect: TypeError: Context.copy() takes no arguments (1 given)
# expect: TypeError: descriptor 'get' for '_contextvars.ContextVar' objects doesn't apply to a 'int' object
# expect: TypeError: descriptor 'run' for '_contextvars.Context' objects doesn't apply to a 'int' object
# expect: AttributeError: readonly attribute
# expect: AttributeError: attribute 'var' of '_contextvars.Token' objects is not writable
# expect: 'v'
