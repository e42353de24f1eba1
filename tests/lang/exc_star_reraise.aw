# except*: bare raise keeps the group's structure, new raises are added beside it
def bare():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2), ExceptionGroup("in", [ValueError(3)])])
    except* ValueError:
        raise
try:
    bare()
except ExceptionGroup as e:
    print(repr(e))
def new_raise():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise KeyError("new")
try:
    new_raise()
except ExceptionGroup as e:
    print(repr(e))
    print(repr(e.exceptions[0].__context__))
def both():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise KeyError("k")
    except* TypeError:
        raise
try:
    both()
except ExceptionGroup as e:
    print(repr(e))
def naked():
    try:
        raise ValueError("v")
    except* ValueError:
        raise KeyError("from naked")
try:
    naked()
except KeyError as e:
    print(repr(e), repr(e.__context__))
def handled_all():
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* ValueError:
        print("handled")
    return "done"
print(handled_all())
def with_notes():
    try:
        eg = ExceptionGroup("eg", [ValueError(1), TypeError(2)])
        eg.add_note("n")
        raise eg
    except* ValueError:
        raise
try:
    with_notes()
except ExceptionGroup as e:
    print(repr(e), e.__notes__)
# expect: ExceptionGroup('eg', [ValueError(1), TypeError(2), ExceptionGroup('in', [ValueError(3)])])
# expect: ExceptionGroup('', [KeyError('new'), ExceptionGroup('eg', [TypeError(2)])])
# expect: ExceptionGroup('eg', [ValueError(1)])
# expect: ExceptionGroup('', [KeyError('k'), ExceptionGroup('eg', [TypeError(2)])])
# expect: KeyError('from naked') ExceptionGroup('', (ValueError('v'),))
# expect: handled
# expect: done
# expect: ExceptionGroup('eg', [ValueError(1), TypeError(2)]) ['n']
