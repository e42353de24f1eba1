# Queue nowait operations, sizes and the FIFO order.
import asyncio

async def main():
    q = asyncio.Queue()
    print(q.maxsize, q.qsize(), q.empty(), q.full())
    for i in range(5):
        q.put_nowait(i)
    print(q.qsize(), q.empty(), q.full())
    print([q.get_nowait() for _ in range(3)])
    q.put_nowait('x')
    print([q.get_nowait() for _ in range(3)], q.empty())
    await q.put(7)
    print(await q.get())
    b = asyncio.Queue(2)
    b.put_nowait(1)
    b.put_nowait(2)
    print(b.maxsize, b.full(), b.qsize())
    for i in range(100):
        q.put_nowait(i)
    total = 0
    while not q.empty():
        total += q.get_nowait()
        if total % 7 == 0:
            q.put_nowait(0)
    print(total, q.qsize())

asyncio.run(main())
# expect: 0 0 True False
# expect: 5 False False
# expect: [0, 1, 2]
# expect: [3, 4, 'x'] True
# expect: 7
# expect: 2 True 2
# expect: 4950 0
