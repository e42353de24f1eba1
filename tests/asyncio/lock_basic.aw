# Lock: acquire/release, locked(), async with (binds None).
import asyncio

async def main():
    lock = asyncio.Lock()
    print(lock.locked())
    print(await lock.acquire(), lock.locked())
    lock.release()
    print(lock.locked())
    async with lock as x:
        print('inside', x, lock.locked())
    print(lock.locked())
    try:
        async with lock:
            raise ValueError('released anyway')
    except ValueError:
        print('after error', lock.locked())

asyncio.run(main())
# expect: False
# expect: True True
# expect: False
# expect: inside None True
# expect: False
# expect: after error False
