# Attributes scripts set on futures and tasks, and their read-only fields.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    print(f._state, f._result, f._exception, f._loop is loop)
    f.a = 1
    print(hasattr(f, 'a'), f.a, getattr(f, 'b', 'none'))
    try:
        f.__dict__
    except AttributeError as e:
        print('AE', e)
    del f.a
    try:
        del f.a
    except AttributeError as e:
        print('AE', e)
    try:
        f._state = 'X'
    except AttributeError as e:
        print('AE', e)
    f.set_result(7)
    print(f._state, f._result, f._exception)
    g = loop.create_future()
    g.set_exception(KeyError('k'))
    print(g._state, g._result, repr(g._exception))
    g.exception()
    c = loop.create_future()
    c.cancel()
    print(c._state)

    t = asyncio.current_task()
    t.n = 5
    t.n += 1
    print(t.n, t._coro is t.get_coro(), t._fut_waiter, t._must_cancel)

    async def child():
        await asyncio.sleep(0)
        return asyncio.current_task().label

    tasks = []
    for i in range(3):
        k = asyncio.create_task(child())
        k.label = f'job-{i}'
        tasks.append(k)
    await asyncio.sleep(0)
    print([type(k._fut_waiter).__name__ for k in tasks])
    print(await asyncio.gather(*tasks))
    print([k.label for k in tasks], tasks[0]._state)


asyncio.run(main())
# expect: PENDING None None True
# expect: True 1 none
# expect: AE '_asyncio.Future' object has no attribute '__dict__'
# expect: AE '_asyncio.Future' object has no attribute 'a'
# expect: AE attribute '_state' of '_asyncio.Future' objects is not writable
# expect: FINISHED 7 None
# expect: FINISHED None KeyError('k')
# expect: CANCELLED
# expect: 6 True None False
# expect: ['NoneType', 'NoneType', 'NoneType']
# expect: ['job-0', 'job-1', 'job-2']
# expect: ['job-0', 'job-1', 'job-2'] FINISHED
