# pow(): two and three arguments
print(pow(2, 10), pow(2, -1), pow(2.0, 3), pow(-8, 1/3) if False else 0, pow(0, 0))
print(pow(2, 10, 1000), pow(3, 4, 5), pow(2, -1, 3), pow(3, -2, 7), pow(2, 3, -5), pow(3, -2, -7), pow(5, 0, 1))
print(pow(base=2, exp=5), pow(7, 2, mod=5))
for call in [lambda: pow(2, -1, 4), lambda: pow(2, 3, 0), lambda: pow(2.0, 3, 4), lambda: pow(0, -1),
             lambda: pow("a", 2, 3)]:
    try:
        call()
    except (ValueError, TypeError, ZeroDivisionError) as e:
        print(type(e).__name__ + ":", e)
# expect: 1024 0.5 8.0 0 1
# expect: 24 1 2 4 -2 -3 0
# expect: 32 4
# expect: ValueError: base is not invertible for the given modulus
# expect: ValueError: pow() 3rd argument cannot be 0
# expect: TypeError: pow() 3rd argument not allowed unless all arguments are integers
# expect: ZeroDivisionError: 0.0 cannot be raised to a negative power
# expect: TypeError: unsupported operand type(s) for ** or pow(): 'str', 'int', 'int'
