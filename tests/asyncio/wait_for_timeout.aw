# On timeout the inner task is cancelled and has finished before
# TimeoutError reaches the caller.
import asyncio

async def slow():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print('inner cancelled')
        await asyncio.sleep(0.01)
        print('inner cleanup done')
        raise

async def main():
    t = asyncio.create_task(slow())
    try:
        await asyncio.wait_for(t, 0.01)
    except TimeoutError as e:
        print('TimeoutError', repr(e), repr(e.__cause__), t.cancelled())

asyncio.run(main())
# expect: inner cancelled
# expect: inner cleanup done
# expect: TimeoutError TimeoutError() CancelledError() True
