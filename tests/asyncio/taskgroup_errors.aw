# Misuse of a TaskGroup: the RuntimeError messages.
import asyncio

async def nop():
    pass

async def main():
    tg = asyncio.TaskGroup()
    c = nop()
    try:
        tg.create_task(c)
    except RuntimeError as e:
        print(e)
    c.close()
    async with tg:
        try:
            async with tg:
                pass
        except RuntimeError as e:
            print(e)
    c = nop()
    try:
        tg.create_task(c)
    except RuntimeError as e:
        print(e)
    c.close()

    async def fail():
        raise ValueError

    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail())
            try:
                await asyncio.sleep(1)
            except asyncio.CancelledError:
                c = nop()
                try:
                    tg.create_task(c)
                except RuntimeError as e:
                    print(e)
                c.close()
                raise
    except ExceptionGroup as eg:
        print(eg)

asyncio.run(main())
# expect: TaskGroup <TaskGroup> has not been entered
# expect: TaskGroup <TaskGroup entered> has already been entered
# expect: TaskGroup <TaskGroup entered> is finished
# expect: TaskGroup <TaskGroup errors=1 cancelling> is shutting down
# expect: unhandled errors in a TaskGroup (1 sub-exception)
