# The first failing child cancels its siblings; the errors come out as an
# ExceptionGroup.
import asyncio

async def fail():
    await asyncio.sleep(0.01)
    raise ValueError('boom')

async def slow():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print('slow cancelled')
        raise

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            t1 = tg.create_task(fail())
            t2 = tg.create_task(slow())
    except ExceptionGroup as eg:
        print(type(eg).__name__, str(eg))
        print(repr(eg.exceptions))
        print(eg.__cause__, eg.__suppress_context__)
    print(t2.cancelled(), repr(t1.exception()))

asyncio.run(main())
# expect: slow cancelled
# expect: ExceptionGroup unhandled errors in a TaskGroup (1 sub-exception)
# expect: (ValueError('boom'),)
# expect: None True
# expect: True ValueError('boom')
