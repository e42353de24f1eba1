# Lock repr: [unlocked], [locked], [locked, waiters:N].
import asyncio

def show(obj):
    r = repr(obj)
    print(r[:r.index(' at ')], r[r.index('['):])

async def main():
    lock = asyncio.Lock()
    show(lock)
    await lock.acquire()
    show(lock)
    t = asyncio.create_task(lock.acquire())
    await asyncio.sleep(0)
    show(lock)
    lock.release()
    await t
    show(lock)
    print(type(lock).__module__, type(lock).__name__)

asyncio.run(main())
# expect: <asyncio.locks.Lock object [unlocked]>
# expect: <asyncio.locks.Lock object [locked]>
# expect: <asyncio.locks.Lock object [locked, waiters:1]>
# expect: <asyncio.locks.Lock object [locked]>
# expect: asyncio.locks Lock
