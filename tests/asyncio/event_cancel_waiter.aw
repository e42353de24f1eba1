# A cancelled Event.wait() leaves the other waiters in place.
import asyncio

async def main():
    ev = asyncio.Event()
    a = asyncio.create_task(ev.wait())
    b = asyncio.create_task(ev.wait())
    await asyncio.sleep(0)
    a.cancel()
    await asyncio.sleep(0)
    r = repr(ev)
    print(a.cancelled(), r[r.index('['):])
    ev.set()
    print(await b)
    try:
        await asyncio.wait_for(asyncio.Event().wait(), 0.01)
    except TimeoutError:
        print('timed out')

asyncio.run(main())
# expect: True [unset, waiters:1]>
# expect: True
# expect: timed out
