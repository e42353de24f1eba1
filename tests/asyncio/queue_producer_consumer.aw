# Several producers and consumers over a bounded queue; everything arrives.
import asyncio

async def producer(q, base):
    for i in range(20):
        await q.put(base + i)
    await q.put(None)

async def consumer(q, got):
    while True:
        item = await q.get()
        q.task_done()
        if item is None:
            return
        got.append(item)

async def main():
    q = asyncio.Queue(3)
    got = []
    cons = [asyncio.create_task(consumer(q, got)) for _ in range(3)]
    await asyncio.gather(*(producer(q, b) for b in (0, 100, 200)))
    await asyncio.gather(*cons)
    await q.join()
    print(len(got), sorted(got) == sorted(list(range(20)) + list(range(100, 120)) + list(range(200, 220))))
    print(got[:6])

asyncio.run(main())
# expect: 60 True
# expect: [0, 1, 2, 3, 4, 5]
