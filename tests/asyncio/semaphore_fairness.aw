# A released unit goes to the first waiter, not to a newcomer that
# arrives before the waiter runs.
import asyncio

async def main():
    sem = asyncio.Semaphore(1)
    await sem.acquire()
    order = []

    async def w(name):
        async with sem:
            order.append(name)
            await asyncio.sleep(0)

    first = asyncio.create_task(w('first'))
    await asyncio.sleep(0)
    sem.release()
    print(sem.locked())
    second = asyncio.create_task(w('newcomer'))
    await asyncio.gather(first, second)
    print(order)

asyncio.run(main())
# expect: True
# expect: ['first', 'newcomer']
