# ZeroDivisionError messages for each operator and type
def t(f):
    try:
        print(f())
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)
t(lambda: 1 / 0)
t(lambda: 1 // 0)
t(lambda: 1 % 0)
t(lambda: 1.0 / 0)
t(lambda: 1 / 0.0)
t(lambda: 1.0 // 0.0)
t(lambda: 1.0 % 0)
t(lambda: 0 ** -1)
t(lambda: 0.0 ** -2.5)
t(lambda: True / False)
# expect: ZeroDivisionError: division by zero
# expect: ZeroDivisionError: integer division or modulo by zero
# expect: ZeroDivisionError: integer modulo by zero
# expect: ZeroDivisionError: float division by zero
# expect: ZeroDivisionError: float division by zero
# expect: ZeroDivisionError: float floor division by zero
# expect: ZeroDivisionError: float modulo
# expect: ZeroDivisionError: 0.0 cannot be raised to a negative power
# expect: ZeroDivisionError: 0.0 cannot be raised to a negative power
# expect: ZeroDivisionError: division by zero
