def f():
    await g()  # expect error: 'await' outside async function
