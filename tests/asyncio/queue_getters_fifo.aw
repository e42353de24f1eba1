# Blocked getters are served in arrival order.
import asyncio

async def getter(q, name):
    item = await q.get()
    print(name, 'got', item)

async def main():
    q = asyncio.Queue()
    tasks = [asyncio.create_task(getter(q, n)) for n in 'abc']
    await asyncio.sleep(0)
    for i in range(3):
        q.put_nowait(i)
    print('put all')
    await asyncio.gather(*tasks)

asyncio.run(main())
# expect: put all
# expect: a got 0
# expect: b got 1
# expect: c got 2
