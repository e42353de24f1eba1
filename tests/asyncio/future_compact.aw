# Futures and tasks keep rarely used state aside (cancel messages, timers,
# gather's children) and their callbacks compactly: all of it still works.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    # cancel(msg) on a plain future and on a waiting task
    f = loop.create_future()
    print(f.cancel("bye"), f.cancelled())
    try:
        f.result()
    except asyncio.CancelledError as e:
        print("future:", repr(e))

    async def sleeper():
        await asyncio.sleep(10)

    t = asyncio.create_task(sleeper())
    await asyncio.sleep(0)
    t.cancel("stop")
    try:
        await t
    except asyncio.CancelledError as e:
        print("task:", e.args)
    print(t.cancelled(), t.cancelling())

    # a task cancelled before it starts, with a message
    t2 = asyncio.create_task(sleeper())
    t2.cancel("early")
    try:
        await t2
    except asyncio.CancelledError as e:
        print("early:", e.args)

    # gather(return_exceptions=True) reports a cancelled child with its message
    a = asyncio.create_task(sleeper())
    b = asyncio.create_task(asyncio.sleep(0, result=7))
    await asyncio.sleep(0)
    a.cancel("child msg")
    print(await asyncio.gather(a, b, return_exceptions=True))

    # callbacks: order with removal, objects that are not functions
    order = []
    g = loop.create_future()
    def cb1(fut): order.append(1)
    def cb2(fut): order.append(2)
    def cb3(fut): order.append(3)
    g.add_done_callback(cb1)
    g.add_done_callback(cb2)
    g.add_done_callback(cb3)
    print(g.remove_done_callback(cb1))
    g.add_done_callback(cb1)
    g.set_result(None)
    await asyncio.sleep(0)
    print(order)

    h = loop.create_future()
    h.add_done_callback(5)
    h.add_done_callback(cb2)
    print(h.remove_done_callback(5), h.remove_done_callback(cb2), h.remove_done_callback(cb2))

    # exceptions and results
    e = loop.create_future()
    e.set_exception(ValueError("bad"))
    print(e.done(), repr(e.exception()))
    r = loop.create_future()
    r.set_result(3)
    print(r.result(), r.exception())
    print(repr(r))
    print(repr(e))

    # names
    n = asyncio.create_task(sleeper(), name="custom")
    print(n.get_name())
    n.set_name(42)
    print(repr(n.get_name()))
    n.cancel()
    await asyncio.sleep(0)
    print(n.cancelled())

    # a gather cancelled with a message
    s1 = asyncio.create_task(sleeper())
    s2 = asyncio.create_task(sleeper())
    gg = asyncio.gather(s1, s2)
    await asyncio.sleep(0)
    print(gg.cancel("all"))
    try:
        await gg
    except asyncio.CancelledError as ex:
        print("gather:", ex.args)
    print(s1.cancelled(), s2.cancelled())

    # a sleep whose task is cancelled: its timer is dropped
    tt = asyncio.create_task(asyncio.sleep(5))
    await asyncio.sleep(0)
    tt.cancel()
    await asyncio.sleep(0)
    print(tt.cancelled())


asyncio.run(main())
# expect: True True
# expect: future: CancelledError('bye')
# expect: task: ('stop',)
# expect: True 1
# expect: early: ('early',)
# expect: [CancelledError(''), 7]
# expect: 1
# expect: [2, 3, 1]
# expect: 1 1 0
# expect: True ValueError('bad')
# expect: 3 None
# expect: <Future finished result=3>
# expect: <Future finished exception=ValueError('bad')>
# expect: custom
# expect: '42'
# expect: True
# expect: True
# expect: gather: ('all',)
# expect: True True
# expect: True
