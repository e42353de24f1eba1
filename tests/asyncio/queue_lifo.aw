# LifoQueue returns the newest item first.
import asyncio

async def main():
    q = asyncio.LifoQueue()
    for i in range(4):
        await q.put(i)
    print([await q.get() for _ in range(4)])
    q.put_nowait('a')
    q.put_nowait('b')
    print(q.get_nowait(), q.qsize(), isinstance(q, asyncio.Queue))
    print(str(q))

asyncio.run(main())
# expect: [3, 2, 1, 0]
# expect: b 1 True
# expect: <LifoQueue maxsize=0 _queue=['a'] tasks=6>
