# divmod(): ints and floats with floor semantics
print(divmod(7, 2), divmod(-7, 2), divmod(7, -2), divmod(-7, -2), divmod(0, 5))
print(divmod(7.5, 2), divmod(-7.5, 2), divmod(7.5, -2), divmod(-0.0, 1), divmod(1, 0.3))
print(divmod(True, 2), divmod(5, 2.0))
class D:
    def __divmod__(self, o): return "dm"
    def __rdivmod__(self, o): return "rdm"
print(divmod(D(), 1), divmod(1, D()))
for call in [lambda: divmod(1, 0), lambda: divmod(1.0, 0), lambda: divmod(1, 0.0), lambda: divmod("a", 1)]:
    try:
        call()
    except (ZeroDivisionError, TypeError) as e:
        print(type(e).__name__ + ":", e)
# expect: (3, 1) (-4, 1) (-4, -1) (3, -1) (0, 0)
# expect: (3.0, 1.5) (-4.0, 0.5) (-4.0, -0.5) (-0.0, 0.0) (3.0, 0.10000000000000003)
# expect: (0, 1) (2.0, 1.0)
# expect: dm rdm
# expect: ZeroDivisionError: integer division or modulo by zero
# expect: ZeroDivisionError: float divmod()
# expect: ZeroDivisionError: float divmod()
# expect: TypeError: unsupported operand type(s) for divmod(): 'str' and 'int'
