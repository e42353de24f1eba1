# Argument-count errors of enumerate, format, super, property and int.from_bytes read as CPython's.
def attempt(f):
    try:
        f()
    except TypeError as e:
        print(e)

attempt(lambda: enumerate())
attempt(lambda: format())
attempt(lambda: format(1, "", 2))
attempt(lambda: super(int, 1, 2))
attempt(lambda: property(1, 2, 3, 4, 5))
attempt(lambda: int.from_bytes("ab", "big"))
p = property(None, None)
print(p.fget, p.fset)
# expect: enumerate() missing required argument 'iterable'
# expect: format expected at least 1 argument, got 0
# expect: format expected at most 2 arguments, got 3
# expect: super() expected at most 2 arguments, got 3
# expect: property() takes at most 4 arguments (5 given)
# expect: cannot convert 'str' object to bytes
# expect: None None
