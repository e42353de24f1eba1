def f():
    x = 1
    global x  # expect error: name 'x' is assigned to before global declaration
