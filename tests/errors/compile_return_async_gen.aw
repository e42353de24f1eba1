async def f():
    yield 1
    return 2  # expect error: 'return' with value in async generator
