x = 1
def f():
    nonlocal x  # expect error: no binding for nonlocal 'x' found
