# Exceptions retrieved by await, result(), exception() or gather are not
# reported as never retrieved.
import asyncio
import gc


async def fail(n):
    raise ValueError(n)


def handler(loop, context):
    print('unexpected:', context['message'])


async def main():
    asyncio.get_running_loop().set_exception_handler(handler)
    t1 = asyncio.create_task(fail(1))
    try:
        await t1
    except ValueError as e:
        print('awaited', e)
    t2 = asyncio.create_task(fail(2))
    await asyncio.sleep(0)
    print('exception()', t2.exception())
    t3 = asyncio.create_task(fail(3))
    await asyncio.sleep(0)
    try:
        t3.result()
    except ValueError as e:
        print('result()', e)
    print('gather', await asyncio.gather(fail(4), return_exceptions=True))
    t5 = asyncio.create_task(fail(5))
    await asyncio.sleep(0)
    t5.cancel()
    t1 = t2 = t3 = t5 = None
    gc.collect()
    await asyncio.sleep(0)
    print('end')


asyncio.run(main())
# expect: awaited 1
# expect: exception() 2
# expect: result() 3
# expect: gather [ValueError(4)]
# expect: end
