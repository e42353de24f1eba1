# If the body swallows the cancellation, no TimeoutError is raised.
import asyncio

async def main():
    async with asyncio.timeout(0.01) as cm:
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            print('swallowed')
    print('after', cm.expired(), asyncio.current_task().cancelling())

asyncio.run(main())
# expect: swallowed
# expect: after True 0
