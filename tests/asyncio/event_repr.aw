# Event repr: [unset], [set], with waiters while they have not run.
import asyncio

def show(obj):
    r = repr(obj)
    print(r[:r.index(' at ')], r[r.index('['):])

async def main():
    ev = asyncio.Event()
    show(ev)
    tasks = [asyncio.create_task(ev.wait()) for _ in range(2)]
    await asyncio.sleep(0)
    show(ev)
    ev.set()
    show(ev)
    await asyncio.gather(*tasks)
    show(ev)

asyncio.run(main())
# expect: <asyncio.locks.Event object [unset]>
# expect: <asyncio.locks.Event object [unset, waiters:2]>
# expect: <asyncio.locks.Event object [set, waiters:2]>
# expect: <asyncio.locks.Event object [set]>
