def f():
    return [y := 1 for y in range(3)]  # expect error: assignment expression cannot rebind comprehension iteration variable 'y'
