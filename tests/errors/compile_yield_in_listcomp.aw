def f():
    return [(yield) for i in range(3)]  # expect error: 'yield' inside list comprehension
