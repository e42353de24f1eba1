# A getter cancelled after being woken does not lose the item: the next
# getter receives it.
import asyncio

async def getter(q, name):
    try:
        item = await q.get()
    except asyncio.CancelledError:
        print('cancelled', name)
        raise
    print(name, 'got', item)

async def main():
    q = asyncio.Queue()
    a = asyncio.create_task(getter(q, 'a'))
    b = asyncio.create_task(getter(q, 'b'))
    await asyncio.sleep(0)
    q.put_nowait('item')
    a.cancel()
    await asyncio.gather(a, b, return_exceptions=True)
    print(q.qsize())
    c = asyncio.create_task(getter(q, 'c'))
    await asyncio.sleep(0)
    c.cancel()
    await asyncio.sleep(0)
    q.put_nowait('kept')
    print(q.qsize(), q.get_nowait())

asyncio.run(main())
# expect: cancelled a
# expect: b got item
# expect: 0
# expect: cancelled c
# expect: 1 kept
