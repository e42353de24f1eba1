# raising inside except* for a naked exception: the new exception is raised as is
def f():
    try:
        raise ValueError("naked")
    except* ValueError:
        raise KeyError("in handler")  # expect runtime error: KeyError: 'in handler'
f()
