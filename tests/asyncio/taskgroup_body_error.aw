# An exception in the body cancels the children and joins the group.
import asyncio

async def child():
    try:
        await asyncio.sleep(1)
    finally:
        print('child finally')

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(child())
            await asyncio.sleep(0)
            raise KeyError('body')
    except ExceptionGroup as eg:
        print(eg, repr(eg.exceptions))

asyncio.run(main())
# expect: child finally
# expect: unhandled errors in a TaskGroup (1 sub-exception) (KeyError('body'),)
