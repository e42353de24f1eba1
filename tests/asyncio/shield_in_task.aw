# The classic use: a cancelled caller, a shielded operation that survives.
import asyncio

async def save():
    await asyncio.sleep(0.02)
    print('saved')

async def handler():
    try:
        await asyncio.shield(save())
    except asyncio.CancelledError:
        print('handler cancelled')
        raise

async def main():
    t = asyncio.create_task(handler())
    await asyncio.sleep(0.01)
    t.cancel()
    await asyncio.sleep(0.05)
    print(t.cancelled())

asyncio.run(main())
# expect: handler cancelled
# expect: saved
# expect: True
