# notify(n) wakes n waiters in arrival order; notify_all wakes the rest.
import asyncio

async def waiter(cond, name):
    async with cond:
        print('wait', name)
        r = await cond.wait()
        print('woke', name, r, cond.locked())

async def main():
    cond = asyncio.Condition()
    tasks = [asyncio.create_task(waiter(cond, n)) for n in 'abcd']
    await asyncio.sleep(0)
    async with cond:
        cond.notify()
    await asyncio.sleep(0)
    print('--')
    async with cond:
        cond.notify(2)
    await asyncio.sleep(0)
    print('--')
    async with cond:
        cond.notify_all()
    await asyncio.gather(*tasks)

asyncio.run(main())
# expect: wait a
# expect: wait b
# expect: wait c
# expect: wait d
# expect: woke a True True
# expect: --
# expect: woke b True True
# expect: woke c True True
# expect: --
# expect: woke d True True
