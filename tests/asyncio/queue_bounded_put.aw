# put() on a full queue waits for space; putters resume in order.
import asyncio

async def producer(q, name):
    for i in range(2):
        await q.put(f'{name}{i}')
        print('put', f'{name}{i}')

async def main():
    q = asyncio.Queue(maxsize=1)
    ps = [asyncio.create_task(producer(q, n)) for n in 'ab']
    await asyncio.sleep(0)
    for _ in range(4):
        print('got', await q.get())
        await asyncio.sleep(0)
    await asyncio.gather(*ps)

asyncio.run(main())
# expect: put a0
# expect: got a0
# expect: put a1
# expect: got a1
# expect: put b0
# expect: got b0
# expect: put b1
# expect: got b1
