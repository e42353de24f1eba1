# A waiter woken by release() and then cancelled gives its unit back to
# the next waiter.
import asyncio

async def waiter(sem, name):
    try:
        await sem.acquire()
    except asyncio.CancelledError:
        print('cancelled', name)
        raise
    print('got', name)

async def main():
    sem = asyncio.Semaphore(1)
    await sem.acquire()
    a = asyncio.create_task(waiter(sem, 'a'))
    b = asyncio.create_task(waiter(sem, 'b'))
    c = asyncio.create_task(waiter(sem, 'c'))
    await asyncio.sleep(0)
    sem.release()
    a.cancel()
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print(b.done(), c.done(), sem.locked())
    sem.release()
    await asyncio.gather(a, b, c, return_exceptions=True)
    print(sem.locked(), sem._value)

asyncio.run(main())
# expect: cancelled a
# expect: got b
# expect: True False True
# expect: got c
# expect: True 0
