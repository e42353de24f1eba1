def f():
    return [x for x in (y := [1])]  # expect error: assignment expression cannot be used in a comprehension iterable expression
