# A cancelled waiter never gets the lock; the next one does.
import asyncio

async def waiter(lock, name):
    try:
        async with lock:
            print('got', name)
    except asyncio.CancelledError:
        print('cancelled', name)
        raise

async def main():
    lock = asyncio.Lock()
    await lock.acquire()
    a = asyncio.create_task(waiter(lock, 'a'))
    b = asyncio.create_task(waiter(lock, 'b'))
    await asyncio.sleep(0)
    a.cancel()
    await asyncio.sleep(0)
    r = repr(lock)
    print(r[r.index('['):])
    lock.release()
    await asyncio.gather(a, b, return_exceptions=True)
    print(lock.locked())

asyncio.run(main())
# expect: cancelled a
# expect: [locked, waiters:1]>
# expect: got b
# expect: False
