# Cancelled from outside while __aexit__ waits for the children.
import asyncio

async def child():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print('child cancelled')
        raise

async def owner():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(child())
        print('not reached')
    except asyncio.CancelledError:
        print('owner got CancelledError')
        raise

async def main():
    t = asyncio.create_task(owner())
    await asyncio.sleep(0.01)
    t.cancel()
    await asyncio.gather(t, return_exceptions=True)
    print(t.cancelled())

asyncio.run(main())
# expect: child cancelled
# expect: owner got CancelledError
# expect: True
