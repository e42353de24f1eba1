def f(y):
    async with y:  # expect error: 'async with' outside async function
        pass
