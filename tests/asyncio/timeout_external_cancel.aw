# A cancel from outside is not converted into TimeoutError.
import asyncio

async def worker():
    async with asyncio.timeout(1):
        await asyncio.sleep(1)

async def both():
    # The timeout fires and an outside cancel arrives in the same step.
    async with asyncio.timeout(0) as cm:
        asyncio.current_task().cancel()
        await asyncio.sleep(1)

async def main():
    t = asyncio.create_task(worker())
    await asyncio.sleep(0.01)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print('CancelledError', t.cancelled())
    t = asyncio.create_task(both())
    try:
        await t
    except asyncio.CancelledError:
        print('CancelledError again', t.cancelled())
    except TimeoutError:
        print('TimeoutError')

asyncio.run(main())
# expect: CancelledError True
# expect: CancelledError again True
