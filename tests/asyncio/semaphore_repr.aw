# Semaphore repr: [unlocked, value:N], [locked], waiters.
import asyncio

def show(obj):
    r = repr(obj)
    print(r[:r.index(' at ')], r[r.index('['):])

async def main():
    s = asyncio.Semaphore(2)
    show(s)
    await s.acquire()
    show(s)
    await s.acquire()
    show(s)
    t = asyncio.create_task(s.acquire())
    await asyncio.sleep(0)
    show(s)
    s.release()
    show(s)
    await t
    show(s)
    show(asyncio.BoundedSemaphore(3))

asyncio.run(main())
# expect: <asyncio.locks.Semaphore object [unlocked, value:2]>
# expect: <asyncio.locks.Semaphore object [unlocked, value:1]>
# expect: <asyncio.locks.Semaphore object [locked]>
# expect: <asyncio.locks.Semaphore object [locked, waiters:1]>
# expect: <asyncio.locks.Semaphore object [locked, waiters:1]>
# expect: <asyncio.locks.Semaphore object [locked]>
# expect: <asyncio.locks.BoundedSemaphore object [unlocked, value:3]>
