# Done callbacks and results of futures through every state change: the
# first callback and the result share storage, so nothing may leak between.
import asyncio

log = []


class Sneaky:
    # A callback whose __eq__ finishes the future while it is compared.
    def __init__(self, fut):
        self.fut = fut

    def __call__(self, f):
        log.append('sneaky ran')

    def __eq__(self, other):
        if not self.fut.done():
            self.fut.set_result('from eq')
        return True

    __hash__ = object.__hash__


async def main():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    f.add_done_callback(lambda x: log.append(('a', x.result())))
    f.add_done_callback(lambda x: log.append(('b', x.result())))
    f.set_result([1, 2])
    print(f.result(), f.remove_done_callback(print))
    await asyncio.sleep(0)
    print(log)
    log.clear()

    g = loop.create_future()
    cb = lambda x: log.append('never')
    g.add_done_callback(cb)
    print(g.remove_done_callback(cb), g.remove_done_callback(cb))
    g.set_result(None)
    await asyncio.sleep(0)
    print(g.result(), log)

    h = loop.create_future()
    s = Sneaky(h)
    h.add_done_callback(s)
    print(h.remove_done_callback(print), h.done(), h.result())
    await asyncio.sleep(0)
    print(log)
    log.clear()

    c = loop.create_future()
    c.add_done_callback(lambda x: log.append(('c', x.cancelled())))
    c.cancel('bye')
    await asyncio.sleep(0)
    try:
        c.result()
    except asyncio.CancelledError as e:
        print('cancelled', e.args, log)
    log.clear()

    e = loop.create_future()
    e.add_done_callback(lambda x: log.append(type(x.exception()).__name__))
    e.set_exception(ValueError('v'))
    await asyncio.sleep(0)
    print(log, repr(e.exception()))

    t = asyncio.create_task(asyncio.sleep(0, 'slept'))
    t.add_done_callback(lambda x: log.append(x.result()))
    print(await t, log)


asyncio.run(main())
# expect: [1, 2] 0
# expect: [('a', [1, 2]), ('b', [1, 2])]
# expect: 1 0
# expect: None []
# expect: 1 True from eq
# expect: ['sneaky ran']
# expect: cancelled ('bye',) [('c', True)]
# expect: ['ValueError'] ValueError('v')
# expect: slept ['ValueError', 'slept']
