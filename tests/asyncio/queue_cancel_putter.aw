# A cancelled putter does not insert its item; a woken-then-cancelled one
# passes the free slot on.
import asyncio

async def putter(q, item):
    try:
        await q.put(item)
    except asyncio.CancelledError:
        print('cancelled', item)
        raise
    print('put', item)

async def main():
    q = asyncio.Queue(1)
    q.put_nowait('first')
    a = asyncio.create_task(putter(q, 'a'))
    b = asyncio.create_task(putter(q, 'b'))
    await asyncio.sleep(0)
    print(q.get_nowait())
    a.cancel()
    await asyncio.gather(a, b, return_exceptions=True)
    print(q.qsize(), q.get_nowait())

asyncio.run(main())
# expect: first
# expect: cancelled a
# expect: put b
# expect: 1 b
