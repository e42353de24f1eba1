# create_task names; a named task still advances the Task-N counter.
import asyncio

async def main():
    async with asyncio.TaskGroup() as tg:
        a = tg.create_task(asyncio.sleep(0))
        b = tg.create_task(asyncio.sleep(0), name='custom')
        c = tg.create_task(asyncio.sleep(0))
    na = int(a.get_name().split('-')[1])
    nc = int(c.get_name().split('-')[1])
    print(b.get_name(), nc - na)

asyncio.run(main())
# expect: custom 2
