# setting args, __cause__, __context__, __suppress_context__ and __traceback__
e = ValueError(1)
e.args = [3, 4]
print(e.args, str(e))
def attempt(f):
    try:
        f()
    except Exception as err:
        print(type(err).__name__ + ":", err)
attempt(lambda: setattr(e, "args", 3))
attempt(lambda: setattr(e, "__cause__", 3))
attempt(lambda: setattr(e, "__context__", "x"))
attempt(lambda: setattr(e, "__suppress_context__", 1))
attempt(lambda: setattr(e, "__traceback__", 3))
print(e.__cause__, e.__context__, e.__suppress_context__, e.__traceback__)
e.__cause__ = KeyError("c")
print(repr(e.__cause__), e.__suppress_context__)
e.__suppress_context__ = False
e.__context__ = TypeError("t")
print(repr(e.__context__), e.__suppress_context__)
print(e.with_traceback(None) is e, e.__traceback__)
e.custom = "extra"
print(e.custom)
# expect: (3, 4) (3, 4)
# expect: TypeError: 'int' object is not iterable
# expect: TypeError: exception cause must be None or derive from BaseException
# expect: TypeError: exception context must be None or derive from BaseException
# expect: TypeError: attribute value type must be bool
# expect: TypeError: __traceback__ must be a traceback or None
# expect: None None False None
# expect: KeyError('c') True
# expect: TypeError('t') False
# expect: True None
# expect: extra
