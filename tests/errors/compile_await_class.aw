class C:
    await g()  # expect error: 'await' outside function
