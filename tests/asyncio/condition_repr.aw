# Condition repr shows the lock state and waiters.
import asyncio

def show(obj):
    r = repr(obj)
    print(r[:r.index(' at ')], r[r.index('['):])

async def main():
    cond = asyncio.Condition()
    show(cond)

    async def w():
        async with cond:
            await cond.wait()

    t = asyncio.create_task(w())
    await asyncio.sleep(0)
    show(cond)
    async with cond:
        show(cond)
        cond.notify()
    await t
    show(cond)

asyncio.run(main())
# expect: <asyncio.locks.Condition object [unlocked]>
# expect: <asyncio.locks.Condition object [unlocked, waiters:1]>
# expect: <asyncio.locks.Condition object [locked, waiters:1]>
# expect: <asyncio.locks.Condition object [unlocked]>
