def f():
    print(x)
    global x  # expect error: name 'x' is used prior to global declaration
