# except clauses: matching order, tuples, `as` names deleted after the
# handler, nested handlers restoring the exception being handled,
# bare raise, raise from, else.
import sys
def f5():
    try:
        raise ValueError("x")
    except ValueError as e:
        return "caught " + str(e)
    finally:
        print("f5 finally")
print(f5())

def f6():
    for i in range(3):
        try:
            raise KeyError(i)
        except KeyError:
            if i == 1:
                break
            continue
        finally:
            print("f6 fin", i)
    return i
print(f6())

def f7():
    e = "before"
    try:
        1 / 0
    except ZeroDivisionError as e:
        pass
    try:
        return e
    except UnboundLocalError:
        return "e deleted"
print(f7())

def nested_exc():
    try:
        raise ValueError("outer")
    except ValueError:
        try:
            raise TypeError("inner")
        except TypeError:
            print("inner handler", sys.exc_info()[1])
        print("after inner", sys.exc_info()[1])
    print("after all", sys.exc_info()[1])
nested_exc()

def reraise():
    try:
        try:
            raise ValueError("v")
        except ValueError:
            raise
    except ValueError as e:
        return "re " + str(e)
print(reraise())

def exc_else():
    try:
        x = 1
    except Exception:
        print("no")
    else:
        print("else", x)
    finally:
        print("fin")
exc_else()

def multi_except(v):
    try:
        if v == 0:
            raise KeyError("k")
        if v == 1:
            raise IndexError("i")
        if v == 2:
            raise TypeError("t")
        return "none"
    except (KeyError, IndexError) as e:
        return "lookup " + type(e).__name__
    except TypeError:
        return "type"
print([multi_except(v) for v in range(4)])

def raise_from():
    try:
        try:
            1 / 0
        except ZeroDivisionError as e:
            raise ValueError("wrapped") from e
    except ValueError as v:
        return (str(v), type(v.__cause__).__name__, v.__suppress_context__)
print(raise_from())

def ctx():
    try:
        try:
            1 / 0
        except ZeroDivisionError:
            raise ValueError("ctx")
    except ValueError as v:
        return type(v.__context__).__name__
print(ctx())

def ret_in_handler():
    for i in range(3):
        try:
            raise ValueError
        except ValueError as err:
            return i, sys.exc_info()[0]
print(ret_in_handler(), sys.exc_info())

def assert_test(x):
    try:
        assert x > 0, "must be positive"
        assert x
        return "ok"
    except AssertionError as e:
        return "assert " + str(e)
print(assert_test(1), assert_test(-1))

def handler_raises():
    try:
        try:
            raise KeyError("first")
        except KeyError as e:
            raise RuntimeError("second")
    except RuntimeError as r:
        return repr(r.__context__)
print(handler_raises())
# expect: f5 finally
# expect: caught x
# expect: f6 fin 0
# expect: f6 fin 1
# expect: 1
# expect: e deleted
# expect: inner handler inner
# expect: after inner outer
# expect: after all None
# expect: re v
# expect: else 1
# expect: fin
# expect: ['lookup KeyError', 'lookup IndexError', 'type', 'none']
# expect: ('wrapped', 'ZeroDivisionError', True)
# expect: ZeroDivisionError
# expect: (0, <class 'ValueError'>) (None, None, None)
# expect: ok assert must be positive
# expect: KeyError('first')
