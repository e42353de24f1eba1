# with_traceback and __traceback__ reassignment keep the traceback
def f():
    raise ValueError("orig")
try:
    f()
except ValueError as e:
    saved = e.__traceback__
err = KeyError("new")
print(err.with_traceback(saved) is err, err.__traceback__ is saved)
err2 = TypeError("t")
err2.__traceback__ = saved
print(err2.__traceback__ is saved)
try:
    err2.__traceback__ = 5
except TypeError as x:
    print(x)
raise err  # expect runtime error: KeyError: 'new'
# expect: True True
# expect: True
# expect: __traceback__ must be a traceback or None
