# except*: naked exceptions are wrapped, groups are split between clauses
def run(exc):
    try:
        raise exc
    except* ValueError as g:
        print("ValueError clause:", repr(g))
    except* (KeyError, TypeError) as g:
        print("Key/Type clause:", repr(g))
run(ValueError("naked"))
run(ExceptionGroup("eg", [ValueError(1), KeyError(2), TypeError(3)]))
run(ExceptionGroup("eg", [TypeError(1), ExceptionGroup("inner", [ValueError(2)])]))
try:
    run(ExceptionGroup("eg", [ValueError(1), OSError(2)]))
except ExceptionGroup as rest:
    print("unhandled rest:", repr(rest))
try:
    run(OSError("plain"))
except OSError as e:
    print("plain passes through:", repr(e))
try:
    try:
        raise ValueError(1)
    except* ExceptionGroup:
        pass
except TypeError as e:
    print("TypeError:", e)
try:
    try:
        raise ValueError(1)
    except* int:
        pass
except TypeError as e:
    print("TypeError:", e)
# expect: ValueError clause: ExceptionGroup('', (ValueError('naked'),))
# expect: ValueError clause: ExceptionGroup('eg', [ValueError(1)])
# expect: Key/Type clause: ExceptionGroup('eg', [KeyError(2), TypeError(3)])
# expect: ValueError clause: ExceptionGroup('eg', [ExceptionGroup('inner', [ValueError(2)])])
# expect: Key/Type clause: ExceptionGroup('eg', [TypeError(1)])
# expect: ValueError clause: ExceptionGroup('eg', [ValueError(1)])
# expect: unhandled rest: ExceptionGroup('eg', [OSError(2)])
# expect: plain passes through: OSError('plain')
# expect: TypeError: catching ExceptionGroup with except* is not allowed. Use except instead.
# expect: TypeError: catching classes that do not inherit from BaseException is not allowed
