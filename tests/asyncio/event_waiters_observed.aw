# Tasks waiting on an Event look as CPython's do from every side: the
# waiter futures, reprs, cancellation with messages, set-then-cancel,
# wait_for timeouts, scripts driving the coroutine, subclasses.
import asyncio


async def waiter(ev, log, i):
    try:
        r = await ev.wait()
        log.append((i, r))
    except asyncio.CancelledError as e:
        log.append((i, 'cancelled', e.args))
        raise


def short(r):
    return r.split(' coro=')[0] + ('' if 'wait_for=' not in r else ' wait_for=' + r.split('wait_for=')[1])


async def main():
    ev = asyncio.Event()
    log = []
    ts = [asyncio.create_task(waiter(ev, log, i), name=f'w{i}') for i in range(4)]
    await asyncio.sleep(0)
    print(repr(ev).split('[')[1])
    print(short(repr(ts[0])))
    w = ts[1]._fut_waiter
    print(type(w).__name__, w.done(), w in list(ev._waiters))
    inner = ts[2].get_coro().cr_await
    print(type(inner).__name__, inner.cr_await is not None)
    print([type(f).__name__ for f in ev._waiters], len(ev._waiters))
    print(ts[3].cancel('bye'), ts[3].cancelling())
    print(short(repr(ts[3])))
    await asyncio.sleep(0)
    print(log, ts[3].cancelled())
    ev.set()
    print(short(repr(ts[0])))
    print(ts[1].cancel(), ts[1].cancelling())
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print(sorted(log, key=str), [t.done() for t in ts], len(ev._waiters))

    # wait_for timing out on a bare ev.wait()
    ev2 = asyncio.Event()
    try:
        await asyncio.wait_for(ev2.wait(), 0.01)
    except asyncio.TimeoutError:
        print('timeout', len(ev2._waiters))

    # a script drives a coroutine that waits on the event
    async def inner_wait():
        return await ev2.wait()
    c = inner_wait()
    y = c.send(None)
    print(type(y).__name__, y.done(), len(ev2._waiters))
    ev2.set()
    try:
        c.send(None)
    except StopIteration as e:
        print('stop', e.value, len(ev2._waiters))

    # a subclass whose set() looks at the waiters
    class Loud(asyncio.Event):
        def set(self):
            print('waking', [f.done() for f in self._waiters])
            super().set()

    ev3 = Loud()
    t = asyncio.create_task(ev3.wait())
    await asyncio.sleep(0)
    ev3.set()
    print(await t)

    # many rounds of clear/set
    ev4 = asyncio.Event()
    got = []

    async def rounds(i):
        for r in range(3):
            await ev4.wait()
            got.append((r, i))
            await asyncio.sleep(0)

    rs = [asyncio.create_task(rounds(i)) for i in range(3)]
    for r in range(3):
        await asyncio.sleep(0)
        ev4.set()
        await asyncio.sleep(0)
        ev4.clear()
    await asyncio.gather(*rs)
    print(got)

    # cancelled while parked, then the event set: the rest still wake
    ev5 = asyncio.Event()
    l5 = []
    ws = [asyncio.create_task(waiter(ev5, l5, i)) for i in range(3)]
    await asyncio.sleep(0)
    ws[1].cancel()
    ev5.set()
    res = await asyncio.gather(*ws, return_exceptions=True)
    print(l5, [type(r).__name__ for r in res])


asyncio.run(main())
# expect: unset, waiters:4]>
# expect: <Task pending name='w0' wait_for=<Future pending cb=[Task.task_wakeup()]>>
# expect: Future False True
# expect: coroutine True
# expect: ['Future', 'Future', 'Future', 'Future'] 4
# expect: True 1
# expect: <Task cancelling name='w3' wait_for=<Future cancelled>>
# expect: [(3, 'cancelled', ('bye',))] True
# expect: <Task pending name='w0' wait_for=<Future finished result=True>>
# expect: True 1
# expect: [(0, True), (1, 'cancelled', ()), (2, True), (3, 'cancelled', ('bye',))] [True, True, True, True] 0
# expect: timeout 0
# expect: Future False 1
# expect: stop True 0
# expect: waking [False]
# expect: True
# expect: [(0, 0), (0, 1), (0, 2), (1, 0), (1, 1), (1, 2), (2, 0), (2, 1), (2, 2)]
# expect: [(1, 'cancelled', ()), (0, True), (2, True)] ['NoneType', 'CancelledError', 'NoneType']
