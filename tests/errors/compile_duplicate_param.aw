def f(a, b, a):  # expect error: duplicate argument 'a' in function definition
    pass
