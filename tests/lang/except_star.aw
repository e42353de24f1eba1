# except*: split by type, unmatched parts re-raised, naked exceptions
# wrapped, exceptions raised in handlers combined, else/finally.
def t1():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2), ValueError(3)])
    except* ValueError as e:
        print("VE", repr(e), [repr(x) for x in e.exceptions])
    except* TypeError as e:
        print("TE", [repr(x) for x in e.exceptions])
t1()
def t2():
    try:
        try:
            raise ExceptionGroup("eg", [ValueError(1), KeyError(2)])
        except* ValueError:
            print("handled VE")
    except ExceptionGroup as e:
        print("rest", repr(e), [repr(x) for x in e.exceptions])
t2()
def t3():
    try:
        try:
            raise ValueError("naked")
        except* ValueError as e:
            print("naked wrapped", type(e).__name__, repr(e.exceptions[0]))
            raise RuntimeError("in handler")
    except Exception as e:
        print("outer", type(e).__name__, [repr(x) for x in getattr(e, "exceptions", [])])
t3()
def t4():
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* ValueError:
        pass
    else:
        print("no")
    finally:
        print("t4 finally")
    print("t4 after")
t4()
def t5():
    try:
        pass
    except* ValueError:
        print("no")
    else:
        print("t5 else")
t5()
def t6():
    try:
        try:
            raise ExceptionGroup("g", [ValueError("a"), ValueError("b")])
        except* ValueError:
            raise
    except ExceptionGroup as e:
        print("reraised", [repr(x) for x in e.exceptions])
t6()
def t7():
    for i in range(2):
        try:
            raise ExceptionGroup("x", [KeyError(i)])
        except* KeyError:
            for j in range(3):
                if j == 1:
                    break
            print("loop in star ok", i)
t7()
# expect: VE ExceptionGroup('eg', [ValueError(1), ValueError(3)]) ['ValueError(1)', 'ValueError(3)']
# expect: TE ['TypeError(2)']
# expect: handled VE
# expect: rest ExceptionGroup('eg', [KeyError(2)]) ['KeyError(2)']
# expect: naked wrapped ExceptionGroup ValueError('naked')
# expect: outer RuntimeError []
# expect: t4 finally
# expect: t4 after
# expect: t5 else
# expect: reraised ["ValueError('a')", "ValueError('b')"]
# expect: loop in star ok 0
# expect: loop in star ok 1
