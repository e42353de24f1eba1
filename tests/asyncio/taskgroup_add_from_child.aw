# Children may add tasks to the group while it is waiting to exit.
import asyncio

async def spawner(tg, n):
    await asyncio.sleep(0.01)
    print('spawner', n)
    if n < 3:
        tg.create_task(spawner(tg, n + 1))

async def main():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(spawner(tg, 1))
    print('all done')
    c = spawner(tg, 9)
    try:
        tg.create_task(c)
    except RuntimeError as e:
        print(str(e).endswith('is finished'))
    c.close()

asyncio.run(main())
# expect: spawner 1
# expect: spawner 2
# expect: spawner 3
# expect: all done
# expect: True
