# except* clauses that raise: the new exceptions and the unhandled rest form a new group
def f():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2), OSError(3)])
    except* ValueError:
        raise KeyError("k1")
    except* TypeError:
        raise KeyError("k2")
f()  # expect runtime error: +------------------------------------
