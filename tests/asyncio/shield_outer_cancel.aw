# Cancelling the shield does not cancel what it protects.
import asyncio

async def important():
    await asyncio.sleep(0.02)
    print('important finished')
    return 'saved'

async def main():
    inner = asyncio.create_task(important())
    outer = asyncio.shield(inner)
    await asyncio.sleep(0)
    outer.cancel()
    try:
        await outer
    except asyncio.CancelledError:
        print('outer cancelled', inner.cancelled())
    print(await inner)

asyncio.run(main())
# expect: outer cancelled False
# expect: important finished
# expect: saved
