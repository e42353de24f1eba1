# TaskGroup repr through its life.
import asyncio

async def fail():
    raise ValueError

async def main():
    tg = asyncio.TaskGroup()
    print(repr(tg))
    try:
        async with tg:
            print(repr(tg))
            tg.create_task(asyncio.sleep(0.01))
            tg.create_task(asyncio.sleep(0.01))
            print(repr(tg))
            tg.create_task(fail())
            try:
                await asyncio.sleep(1)
            except asyncio.CancelledError:
                print(repr(tg))
                raise
    except ExceptionGroup:
        print(repr(tg))

asyncio.run(main())
# expect: <TaskGroup>
# expect: <TaskGroup entered>
# expect: <TaskGroup tasks=2 entered>
# expect: <TaskGroup tasks=2 errors=1 cancelling>
# expect: <TaskGroup cancelling>
