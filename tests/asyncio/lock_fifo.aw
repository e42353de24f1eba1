# Waiters get the lock in arrival order, and a newcomer cannot jump ahead
# of a woken waiter.
import asyncio

async def worker(lock, name):
    async with lock:
        print('got', name)
        await asyncio.sleep(0)
    print('released', name)

async def main():
    lock = asyncio.Lock()
    await lock.acquire()
    tasks = [asyncio.create_task(worker(lock, n)) for n in 'abc']
    await asyncio.sleep(0)
    lock.release()
    late = asyncio.create_task(worker(lock, 'late'))
    await asyncio.gather(*tasks, late)

asyncio.run(main())
# expect: got a
# expect: released a
# expect: got b
# expect: released b
# expect: got c
# expect: released c
# expect: got late
# expect: released late
