# A child failure cancels the body's await; the parent task's cancel is
# taken back afterwards, so it can keep awaiting.
import asyncio

async def crash():
    await asyncio.sleep(0.01)
    raise RuntimeError('crash')

async def main():
    me = asyncio.current_task()
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(crash())
            try:
                await asyncio.sleep(1)
            except asyncio.CancelledError:
                print('body cancelled', me.cancelling())
                raise
    except* RuntimeError as eg:
        print('caught', eg.exceptions)
    print('cancelling', me.cancelling())
    await asyncio.sleep(0.01)
    print('still running')

asyncio.run(main())
# expect: body cancelled 1
# expect: caught (RuntimeError('crash'),)
# expect: cancelling 0
# expect: still running
