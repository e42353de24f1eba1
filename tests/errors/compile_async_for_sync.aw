def f(y):
    async for x in y:  # expect error: 'async for' outside async function
        pass
