# timeout <= 0: a done future gives its result, anything else times out.
import asyncio

async def quick():
    return 'never started'

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    fut.set_result('ready')
    print(await asyncio.wait_for(fut, 0))
    try:
        await asyncio.wait_for(quick(), 0)
    except TimeoutError as e:
        print('TimeoutError', repr(e.__cause__))
    fut = loop.create_future()
    try:
        await asyncio.wait_for(fut, -1)
    except TimeoutError:
        print('TimeoutError', fut.cancelled())

asyncio.run(main())
# expect: ready
# expect: TimeoutError CancelledError()
# expect: TimeoutError True
