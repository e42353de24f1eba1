# SystemExit in a child leaves the loop as itself; finally blocks run.
import asyncio
async def child():
    await asyncio.sleep(0)
    raise SystemExit(3)
async def other():
    try:
        await asyncio.sleep(1)
    finally:
        print('other finally')
async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(child())
            tg.create_task(other())
            await asyncio.sleep(1)
    finally:
        print('main finally')
try:
    asyncio.run(main())
except SystemExit as e:
    print('SystemExit', e.code)
# expect: other finally
# expect: main finally
# expect: SystemExit 3
