# The shield carries the inner result, exception or cancellation.
import asyncio

async def value():
    await asyncio.sleep(0)
    return 5

async def fail():
    await asyncio.sleep(0)
    raise ValueError('v')

async def main():
    print(await asyncio.shield(value()))
    try:
        await asyncio.shield(fail())
    except ValueError as e:
        print('ValueError', e)
    inner = asyncio.create_task(asyncio.sleep(1))
    outer = asyncio.shield(inner)
    await asyncio.sleep(0)
    inner.cancel()
    try:
        await outer
    except asyncio.CancelledError:
        print('outer cancelled with inner', outer.cancelled())
    done = asyncio.get_running_loop().create_future()
    done.set_result(1)
    print(asyncio.shield(done) is done)

asyncio.run(main())
# expect: 5
# expect: ValueError v
# expect: outer cancelled with inner True
# expect: True
