# implicit __context__, explicit __cause__, "from None" and cycle avoidance
def implicit():
    try:
        raise KeyError("inner")
    except KeyError:
        raise ValueError("outer")
try:
    implicit()
except ValueError as e:
    print(repr(e.__context__), e.__cause__, e.__suppress_context__)
try:
    try:
        1 / 0
    except ZeroDivisionError as z:
        raise RuntimeError("wrapped") from z
except RuntimeError as e:
    print(repr(e.__cause__), type(e.__context__).__name__, e.__suppress_context__)
try:
    try:
        raise KeyError(1)
    except KeyError:
        raise ValueError(2) from None
except ValueError as e:
    print(e.__cause__, repr(e.__context__), e.__suppress_context__)
try:
    raise TypeError("t") from ValueError
except TypeError as e:
    print(repr(e.__cause__))
try:
    raise TypeError("t") from 5
except TypeError as e:
    print("TypeError:", e)
# re-raising the exception being handled from inside its own handler
a = ValueError("a")
try:
    try:
        raise a
    except ValueError:
        try:
            raise KeyError("b")
        except KeyError as b:
            raise a
except ValueError as e:
    print(e is a, repr(e.__context__), e.__context__.__context__)
# expect: KeyError('inner') None False
# expect: ZeroDivisionError('division by zero') ZeroDivisionError True
# expect: None KeyError(1) True
# expect: ValueError()
# expect: TypeError: exception causes must derive from BaseException
# expect: True KeyError('b') None
