# subgroup and split by type, tuple of types and predicate; nested structure kept
eg = ExceptionGroup("eg", [ValueError(1), TypeError(2), ExceptionGroup("inner", [ValueError(3), KeyError(4)])])
print(repr(eg.subgroup(ValueError)))
print(repr(eg.subgroup((ValueError, KeyError))))
print(repr(eg.subgroup(OSError)))
print(repr(eg.subgroup(lambda e: isinstance(e, KeyError))))
print(eg.subgroup(lambda e: True) is eg, eg.subgroup(Exception) is eg)
match, rest = eg.split(ValueError)
print(repr(match))
print(repr(rest))
print(eg.split(Exception)[0] is eg, eg.split(Exception)[1])
print(eg.split(OSError)[0], eg.split(OSError)[1] is eg)
print(repr(eg.split(lambda e: isinstance(e, ExceptionGroup) and e.message == "inner")))
for bad in [3, (ValueError, 3), int]:
    try:
        eg.subgroup(bad)
    except TypeError as e:
        print("TypeError:", e)
beg = BaseExceptionGroup("b", [KeyboardInterrupt(), ValueError("x")])
m, r = beg.split(Exception)
print(type(m).__name__, repr(m), type(r).__name__, repr(r))
# expect: ExceptionGroup('eg', [ValueError(1), ExceptionGroup('inner', [ValueError(3)])])
# expect: ExceptionGroup('eg', [ValueError(1), ExceptionGroup('inner', [ValueError(3), KeyError(4)])])
# expect: None
# expect: ExceptionGroup('eg', [ExceptionGroup('inner', [KeyError(4)])])
# expect: True True
# expect: ExceptionGroup('eg', [ValueError(1), ExceptionGroup('inner', [ValueError(3)])])
# expect: ExceptionGroup('eg', [TypeError(2), ExceptionGroup('inner', [KeyError(4)])])
# expect: True None
# expect: None False
# expect: (ExceptionGroup('eg', [ExceptionGroup('inner', [ValueError(3), KeyError(4)])]), ExceptionGroup('eg', [ValueError(1), TypeError(2)]))
# expect: TypeError: expected a function, exception type or tuple of exception types
# expect: TypeError: expected a function, exception type or tuple of exception types
# expect: TypeError: expected a function, exception type or tuple of exception types
# expect: ExceptionGroup ExceptionGroup('b', [ValueError('x')]) BaseExceptionGroup BaseExceptionGroup('b', [KeyboardInterrupt()])
