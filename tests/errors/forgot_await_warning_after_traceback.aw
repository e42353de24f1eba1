# A never-awaited coroutine held by a frame of the traceback warns at exit, after the traceback (sys:1).
import asyncio

async def fetch():
    return 1

async def main():
    value = fetch()
    return value + 1  # expect runtime error: sys:1: RuntimeWarning: coroutine 'fetch' was never awaited

asyncio.run(main())
