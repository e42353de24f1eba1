def f(y):
    return [x async for x in y]  # expect error: asynchronous comprehension outside of an asynchronous function
