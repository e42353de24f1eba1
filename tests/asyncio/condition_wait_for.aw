# wait_for(predicate) re-waits until the predicate holds, returns its value.
import asyncio

async def main():
    cond = asyncio.Condition()
    box = []

    async def consumer():
        async with cond:
            r = await cond.wait_for(lambda: len(box) >= 2 and list(box))
            print('consumer saw', r)

    t = asyncio.create_task(consumer())
    for i in range(3):
        await asyncio.sleep(0)
        async with cond:
            box.append(i)
            print('appended', i)
            cond.notify_all()
    await t
    async with cond:
        print(await cond.wait_for(lambda: 'ready'))

asyncio.run(main())
# expect: appended 0
# expect: appended 1
# expect: consumer saw [0, 1]
# expect: appended 2
# expect: ready
