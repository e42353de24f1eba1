def f():
    x = 1
    def g():
        global x  # expect error: name 'x' is nonlocal and global
        nonlocal x
