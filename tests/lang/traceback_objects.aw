# Traceback objects: e.__traceback__ / sys.exc_info()[2] with tb_lineno, tb_next, tb_frame (f_code, f_lineno), identity, with_traceback, format_tb/print_tb
import sys
import traceback


def f():
    raise ValueError("boom")


def rec(n):
    if n == 0:
        raise KeyError(n)
    return rec(n - 1)


try:
    f()
except ValueError as e:
    tb = e.__traceback__
    print(type(tb).__name__, tb.tb_lineno, tb.tb_next.tb_lineno, tb.tb_next.tb_frame.f_code.co_name)  # expect: traceback 17 7 f
    print(tb.tb_next.tb_next)  # expect: None
    print(traceback.format_tb(tb)[-1].split(",", 1)[1], end="")  # expect:  line 7, in f
    # expect:     raise ValueError("boom")

try:
    rec(8)
except KeyError as e:
    tb = e.__traceback__
    print(len(traceback.format_tb(tb)), len(traceback.format_tb(tb, limit=2)), len(traceback.format_tb(tb, -1)))  # expect: 6 2 1
    print(traceback.format_tb(tb, -1)[0].split(",")[1:])  # expect: [' line 12', ' in rec\n    raise KeyError(n)\n']
    n = 0
    while tb is not None:
        n += 1
        last = tb
        tb = tb.tb_next
    print(n, last.tb_frame.f_code.co_name, last.tb_frame.f_lineno, type(last.tb_frame).__name__)  # expect: 10 rec 12 frame
    print(isinstance(last.tb_lasti, int))  # expect: True
    e2 = ValueError("x").with_traceback(e.__traceback__)
    print(e2.__traceback__.tb_lineno, e2.__traceback__.tb_next.tb_lineno)  # expect: 26 13
    print(e.__traceback__ is sys.exc_info()[2], e.__traceback__.tb_next is e.__traceback__.tb_next)  # expect: True True
    print(last.tb_frame is last.tb_frame)  # expect: True
    print(ValueError().with_traceback(None).__traceback__)  # expect: None

try:
    ValueError().with_traceback(5)
except TypeError as t:
    print(t)  # expect: __traceback__ must be a traceback or None


def outer():
    try:
        rec(1)
    except KeyError:
        t, v, tb = sys.exc_info()
        print(t.__name__, v, tb.tb_frame.f_code.co_name, tb.tb_lineno)  # expect: KeyError 0 outer 52


outer()
try:
    rec(0)
except KeyError as e:
    traceback.print_tb(e.__traceback__, 1, sys.stderr)
    print(traceback.format_tb(e.__traceback__, 1)[0].split(",", 1)[1], end="")  # expect:  line 60, in <module>
    # expect:     rec(0)
