# TaskGroup runs every child to completion before the block exits.
import asyncio

async def work(name, delay):
    await asyncio.sleep(delay)
    print('done', name)
    return name

async def main():
    async with asyncio.TaskGroup() as tg:
        t1 = tg.create_task(work('a', 0.02))
        t2 = tg.create_task(work('b', 0.01))
        print('body end')
    print('after', t1.result(), t2.result())

asyncio.run(main())
# expect: body end
# expect: done b
# expect: done a
# expect: after a b
