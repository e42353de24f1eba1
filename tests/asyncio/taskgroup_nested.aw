# A failing inner group surfaces as a nested ExceptionGroup.
import asyncio

async def fail():
    await asyncio.sleep(0.01)
    raise ValueError('inner')

async def sibling():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print('sibling cancelled')
        raise

async def inner():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(fail())

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(inner())
            tg.create_task(sibling())
    except ExceptionGroup as eg:
        print(eg)
        print(eg.exceptions[0])
        print(repr(eg.exceptions[0].exceptions[0]))

asyncio.run(main())
# expect: sibling cancelled
# expect: unhandled errors in a TaskGroup (1 sub-exception)
# expect: unhandled errors in a TaskGroup (1 sub-exception)
# expect: ValueError('inner')
