# An inner coroutine that turns its cancellation into a value wins.
import asyncio

async def stubborn():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        return 'kept going'

async def main():
    print(await asyncio.wait_for(stubborn(), 0.01))

asyncio.run(main())
# expect: kept going
