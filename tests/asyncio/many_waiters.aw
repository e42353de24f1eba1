# Thousands of waiters on one Lock, Semaphore, Event and Queue keep FIFO
# order (exercises the waiter deque's compaction).
import asyncio

async def main():
    n = 3000
    lock = asyncio.Lock()
    order = []

    async def locker(i):
        async with lock:
            order.append(i)

    await asyncio.gather(*(locker(i) for i in range(n)))
    print('lock', order == list(range(n)))

    sem = asyncio.Semaphore(7)
    order = []

    async def sem_user(i):
        async with sem:
            order.append(i)
            await asyncio.sleep(0)

    await asyncio.gather(*(sem_user(i) for i in range(n)))
    print('semaphore', order == list(range(n)), sem._value)

    ev = asyncio.Event()
    order = []

    async def ev_waiter(i):
        await ev.wait()
        order.append(i)

    tasks = [asyncio.create_task(ev_waiter(i)) for i in range(n)]
    await asyncio.sleep(0)
    ev.set()
    await asyncio.gather(*tasks)
    print('event', order == list(range(n)))

    q = asyncio.Queue()
    order = []

    async def getter(i):
        order.append((i, await q.get()))

    tasks = [asyncio.create_task(getter(i)) for i in range(n)]
    await asyncio.sleep(0)
    for i in range(n):
        q.put_nowait(i)
        if i % 10 == 0:
            await asyncio.sleep(0)
    await asyncio.gather(*tasks)
    print('queue', order == [(i, i) for i in range(n)])
    for i in range(n):
        q.put_nowait(i)
    got = []
    for i in range(n):
        got.append(q.get_nowait())
        if i % 3 == 0:
            q.put_nowait(n + i)
    print(got[:3], got[-3:], q.qsize())

asyncio.run(main())
# expect: lock True
# expect: semaphore True 7
# expect: event True
# expect: queue True
# expect: [0, 1, 2] [2997, 2998, 2999] 1000
