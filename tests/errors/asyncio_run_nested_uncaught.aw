# asyncio.run inside a running loop fails; the refused coroutine stays with the traceback and warns at exit (sys:1), as in CPython
import asyncio

async def inner():
    return 1

async def outer():
    print("outer running")  # expect: outer running
    return asyncio.run(inner())  # expect runtime error: sys:1: RuntimeWarning: coroutine 'inner' was never awaited

asyncio.run(outer())
