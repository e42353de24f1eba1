class C:
    yield 1  # expect error: 'yield' outside function
