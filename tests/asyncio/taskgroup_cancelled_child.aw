# A child that is cancelled on its own is not an error of the group.
import asyncio

async def main():
    async with asyncio.TaskGroup() as tg:
        t = tg.create_task(asyncio.sleep(1))
        u = tg.create_task(asyncio.sleep(0.01, result='u'))
        await asyncio.sleep(0)
        t.cancel()
    print(t.cancelled(), u.result())

asyncio.run(main())
# expect: True u
