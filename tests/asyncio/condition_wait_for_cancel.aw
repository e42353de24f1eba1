# Cancelling wait_for() on a Condition leaves the lock released and the
# other waiters intact.
import asyncio

async def main():
    cond = asyncio.Condition()
    flag = []

    async def waiter(name):
        async with cond:
            await cond.wait_for(lambda: flag)
            print(name, 'saw', flag)

    a = asyncio.create_task(waiter('a'))
    b = asyncio.create_task(waiter('b'))
    await asyncio.sleep(0)
    a.cancel()
    await asyncio.sleep(0)
    print(a.cancelled(), cond.locked())
    async with cond:
        flag.append(1)
        cond.notify_all()
    await b
    print(cond.locked())

asyncio.run(main())
# expect: True False
# expect: b saw [1]
# expect: False
