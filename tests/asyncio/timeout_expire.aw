# An expired timeout() turns the cancellation into TimeoutError.
import asyncio

async def main():
    try:
        async with asyncio.timeout(0.01) as cm:
            try:
                await asyncio.sleep(1)
            except asyncio.CancelledError:
                print('inner cancelled', cm.expired(), repr(cm))
                raise
    except TimeoutError as e:
        print('TimeoutError', repr(e), repr(e.__cause__))
    print(cm.expired(), repr(cm), asyncio.current_task().cancelling())

asyncio.run(main())
# expect: inner cancelled True <Timeout [expiring]>
# expect: TimeoutError TimeoutError() CancelledError()
# expect: True <Timeout [expired]> 0
