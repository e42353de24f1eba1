async def h(g):
    yield from g  # expect error: 'yield from' inside async function
