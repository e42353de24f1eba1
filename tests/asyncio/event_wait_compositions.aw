# Event.wait under timeout(), shield(), cancel/uncancel, TaskGroup, wait_for, gather and wait.
import asyncio


async def main():
    ev = asyncio.Event()
    try:
        async with asyncio.timeout(0.01):
            await ev.wait()
    except TimeoutError:
        print('timeout', len(ev._waiters))

    t = asyncio.ensure_future(asyncio.shield(ev.wait()))
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print('shield outer cancelled', len(ev._waiters))
    ev.set()
    await asyncio.sleep(0)
    print(len(ev._waiters))
    ev.clear()

    w = asyncio.create_task(ev.wait())
    await asyncio.sleep(0)
    print(w.cancel('m1'), w.uncancel(), w.cancelling())
    try:
        await w
    except asyncio.CancelledError as e:
        print('cancelled', e.args)

    async def sub(i):
        await ev.wait()
        if i == 1:
            raise ValueError('boom')
        await asyncio.sleep(1)

    try:
        async with asyncio.TaskGroup() as tg:
            for i in range(3):
                tg.create_task(sub(i))
            await asyncio.sleep(0)
            ev.set()
    except* ValueError as eg:
        print('group', [str(e) for e in eg.exceptions], len(ev._waiters))

    ev2 = asyncio.Event()
    r = await asyncio.gather(asyncio.wait_for(ev2.wait(), 1), asyncio.sleep(0, 'x'), (lambda: ev2.set())() or asyncio.sleep(0))
    print(r)
    done, pending = await asyncio.wait([asyncio.create_task(ev2.wait())])
    print(len(done), len(pending))


asyncio.run(main())
# expect: timeout 0
# expect: shield outer cancelled 1
# expect: 0
# expect: True 0 0
# expect: cancelled ('m1',)
# expect: group ['boom'] 0
# expect: [True, 'x', None]
# expect: 1 0
