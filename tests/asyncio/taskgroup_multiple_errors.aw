# Children failing in the same step all land in the group, in order.
import asyncio

async def fail(exc):
    await asyncio.sleep(0)
    raise exc

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail(ValueError(1)))
            tg.create_task(fail(TypeError(2)))
            tg.create_task(asyncio.sleep(0))
    except* ValueError as eg:
        print('value', repr(eg.exceptions))
    except* TypeError as eg:
        print('type', repr(eg.exceptions))

    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail(ValueError(1)))
            tg.create_task(fail(TypeError(2)))
    except ExceptionGroup as eg:
        print(eg)

asyncio.run(main())
# expect: value (ValueError(1),)
# expect: type (TypeError(2),)
# expect: unhandled errors in a TaskGroup (2 sub-exceptions)
