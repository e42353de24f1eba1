# A cancelled wait() reacquires the lock before CancelledError leaves it.
import asyncio

async def main():
    cond = asyncio.Condition()

    async def w():
        async with cond:
            try:
                await cond.wait()
            except asyncio.CancelledError:
                print('cancelled, holds lock:', cond.locked())
                raise

    t = asyncio.create_task(w())
    await asyncio.sleep(0)
    await cond.acquire()
    t.cancel()
    await asyncio.sleep(0)
    print('main still holds it', t.done())
    cond.release()
    try:
        await t
    except asyncio.CancelledError:
        print('task cancelled', cond.locked())

asyncio.run(main())
# expect: main still holds it False
# expect: cancelled, holds lock: True
# expect: task cancelled False
