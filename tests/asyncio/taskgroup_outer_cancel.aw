# Cancelling the task that owns the group cancels the children and the
# CancelledError propagates.
import asyncio

seen = []

async def child(n):
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        seen.append(n)
        raise

async def owner():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(child(1))
        tg.create_task(child(2))
        await asyncio.sleep(1)

async def main():
    t = asyncio.create_task(owner())
    await asyncio.sleep(0.01)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print('owner cancelled', t.cancelled(), sorted(seen))

asyncio.run(main())
# expect: owner cancelled True [1, 2]
