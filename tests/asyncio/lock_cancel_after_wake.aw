# A waiter woken by release() but cancelled before it runs hands the lock
# on to the next waiter.
import asyncio

async def waiter(lock, name):
    try:
        await lock.acquire()
    except asyncio.CancelledError:
        print('cancelled', name, lock.locked())
        raise
    print('got', name)
    lock.release()

async def main():
    lock = asyncio.Lock()
    await lock.acquire()
    a = asyncio.create_task(waiter(lock, 'a'))
    b = asyncio.create_task(waiter(lock, 'b'))
    await asyncio.sleep(0)
    lock.release()
    a.cancel()
    await asyncio.gather(a, b, return_exceptions=True)
    print(a.cancelled(), lock.locked())

asyncio.run(main())
# expect: cancelled a False
# expect: got b
# expect: True False
