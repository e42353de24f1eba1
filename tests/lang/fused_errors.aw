# Errors raised inside fused sequences (superinstructions) are the plain
# operations' errors, reported on the same lines.
import traceback

def unbound_first():
    if x < 3:
        pass
    x = 1

def unbound_second(a):
    b = a + y
    y = 2

def zero(a):
    b = a % 0
    return b

def zero_div(a, b):
    c = a / b
    return c

def bad_types(a):
    return a - "s"

def multiline(a):
    b = (a
         +
         None)
    return b

for f, args in [(unbound_first, ()), (unbound_second, (1,)), (zero, (5,)),
                (zero_div, (1.0, 0)), (zero_div, (1, 0)), (bad_types, (1,)), (multiline, (1,))]:
    try:
        f(*args)
    except Exception as e:
        last = traceback.format_exc().split(", line ")[-1]
        print(type(e).__name__ + ":", e, "@ line", last.split(",")[0])
# expect: UnboundLocalError: cannot access local variable 'x' where it is not associated with a value @ line 6
# expect: UnboundLocalError: cannot access local variable 'y' where it is not associated with a value @ line 11
# expect: ZeroDivisionError: integer modulo by zero @ line 15
# expect: ZeroDivisionError: float division by zero @ line 19
# expect: ZeroDivisionError: division by zero @ line 19
# expect: TypeError: unsupported operand type(s) for -: 'int' and 'str' @ line 23
# expect: TypeError: unsupported operand type(s) for +: 'int' and 'NoneType' @ line 26
