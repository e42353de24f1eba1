# Event.wait() returns a coroutine that behaves as the script body in
# locks.py would: type, introspection, send/throw/close, cancellation and
# the waiters list it keeps.
import asyncio
import inspect


class LoggingEvent(asyncio.Event):
    def _get_loop(self):
        print("  _get_loop called")
        return super()._get_loop()


class SubEvent(asyncio.Event):
    async def wait(self):
        print("  SubEvent.wait")
        return await super().wait()


async def main():
    ev = asyncio.Event()
    c = ev.wait()
    print(type(c).__name__, asyncio.iscoroutine(c), inspect.iscoroutine(c), inspect.isawaitable(c))
    print(c.__name__, c.__qualname__, c.cr_code.co_name, c.cr_running, c.cr_await)
    print(inspect.getcoroutinestate(c), sorted(c.cr_frame.f_locals))
    print(repr(c).startswith("<coroutine object Event.wait at "))
    async def plain():
        pass
    p = plain()
    print(type(c) is type(p))
    p.close()
    c.close()
    print(inspect.getcoroutinestate(c), c.cr_frame)

    # already set: returns True without suspending
    ev.set()
    print(await ev.wait())
    ev.clear()

    # driven by hand: the first send yields the waiter future
    c = ev.wait()
    fut = c.send(None)
    print(type(fut).__name__, c.cr_await is not None, len(ev._waiters), fut.done())
    print(inspect.getcoroutinestate(c), sorted(c.cr_frame.f_locals))
    fut.set_result(True)
    try:
        c.send(None)
    except StopIteration as e:
        print("returned", e.value, len(ev._waiters))
    print(inspect.getcoroutinestate(c))
    try:
        c.send(None)
    except RuntimeError as e:
        print("RuntimeError:", e)

    # throw while waiting: the waiter is removed, the exception comes out
    c = ev.wait()
    c.send(None)
    try:
        c.throw(ValueError("boom"))
    except ValueError as e:
        print("thrown:", e, len(ev._waiters))

    # close while waiting removes the waiter too
    c = ev.wait()
    c.send(None)
    print(len(ev._waiters))
    c.close()
    print(len(ev._waiters), inspect.getcoroutinestate(c))

    # throw into a coroutine not started yet
    c = ev.wait()
    try:
        c.throw(KeyError("k"))
    except KeyError as e:
        print("not started:", repr(e), inspect.getcoroutinestate(c))

    # as a task: repr, cancellation (the finally runs), gather
    t = asyncio.create_task(ev.wait(), name="w")
    await asyncio.sleep(0)
    print(t.get_coro().__qualname__, len(ev._waiters), len(t.get_stack()))
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("cancelled", len(ev._waiters), t.cancelled())

    ts = [asyncio.create_task(ev.wait()) for _ in range(3)]
    await asyncio.sleep(0)
    print(len(ev._waiters))
    ev.set()
    print(await asyncio.gather(*ts), len(ev._waiters))
    ev.clear()

    # wait_for with a timeout
    try:
        await asyncio.wait_for(ev.wait(), 0.01)
    except asyncio.TimeoutError:
        print("timeout", len(ev._waiters))

    # awaiting the same coroutine twice
    c = ev.wait()
    async def other():
        return await c
    t1 = asyncio.create_task(other())
    await asyncio.sleep(0)
    try:
        await c
    except RuntimeError as e:
        print("RuntimeError:", e)
    ev.set()
    print(await t1)
    try:
        await c
    except RuntimeError as e:
        print("RuntimeError:", e)
    ev.clear()

    # subclasses: an overridden helper is called, super().wait() works
    le = LoggingEvent()
    t = asyncio.create_task(le.wait())
    await asyncio.sleep(0)
    le.set()
    print(await t)
    se = SubEvent()
    t = asyncio.create_task(se.wait())
    await asyncio.sleep(0)
    se.set()
    print(await t)

    # an Event used in another loop
    print(asyncio.iscoroutinefunction(asyncio.Event.wait), asyncio.Event.wait.__qualname__)
    return ev


ev = asyncio.run(main())


async def again():
    ev.clear()
    try:
        await ev.wait()
    except RuntimeError as e:
        print("RuntimeError:", str(e).split(" is bound")[1])


asyncio.run(again())
# expect: coroutine True True True
# expect: wait Event.wait wait False None
# expect: CORO_CREATED ['self']
# expect: True
# expect: True
# expect: CORO_CLOSED None
# expect: True
# expect: Future True 1 False
# expect: CORO_SUSPENDED ['fut', 'self']
# expect: returned True 0
# expect: CORO_CLOSED
# expect: RuntimeError: cannot reuse already awaited coroutine
# expect: thrown: boom 0
# expect: 1
# expect: 0 CORO_CLOSED
# expect: not started: KeyError('k') CORO_CLOSED
# expect: Event.wait 1 1
# expect: cancelled 0 True
# expect: 3
# expect: [True, True, True] 0
# expect: timeout 0
# expect: RuntimeError: coroutine is being awaited already
# expect: True
# expect: RuntimeError: cannot reuse already awaited coroutine
# expect:   _get_loop called
# expect: True
# expect:   SubEvent.wait
# expect: True
# expect: True Event.wait
# expect: RuntimeError:  to a different event loop
