# Argument-count and self-type errors of str methods use CPython's wording.
def check(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
check(lambda: "a".upper(1))
check(lambda: "a".upper(x=1))
check(lambda: "a".join())
check(lambda: "a".center())
check(lambda: "a".center(1, 2, 3))
check(lambda: "a".find())
check(lambda: "a".count("a", 1, 2, 3))
check(lambda: "a".splitlines(1, 2))
check(lambda: "a".encode("utf-8", "strict", 3))
check(lambda: "a".expandtabs(x=1))
check(lambda: str.upper(1))
check(lambda: str.join(1, []))
check(lambda: "a".zfill("x"))
check(lambda: "a".replace("a", "b", 1, 2))
check(lambda: "a".split(",", sep=","))
# expect: TypeError str.upper() takes no arguments (1 given)
# expect: TypeError str.upper() takes no keyword arguments
# expect: TypeError str.join() takes exactly one argument (0 given)
# expect: TypeError center expected at least 1 argument, got 0
# expect: TypeError center expected at most 2 arguments, got 3
# expect: TypeError find() takes at least 1 argument (0 given)
# expect: TypeError count() takes at most 3 arguments (4 given)
# expect: TypeError splitlines() takes at most 1 argument (2 given)
# expect: TypeError encode() takes at most 2 arguments (3 given)
# expect: TypeError 'x' is an invalid keyword argument for expandtabs()
# expect: TypeError descriptor 'upper' for 'str' objects doesn't apply to a 'int' object
# expect: TypeError descriptor 'join' for 'str' objects doesn't apply to a 'int' object
# expect: TypeError 'str' object cannot be interpreted as an integer
# expect: TypeError replace expected at most 3 arguments, got 4
# expect: TypeError argument for split() given by name ('sep') and position (1)
