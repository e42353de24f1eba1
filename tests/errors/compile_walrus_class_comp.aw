class C:
    v = [(z := 1) for i in range(2)]  # expect error: assignment expression within a comprehension cannot be used in a class body
