# wait_for() returns the result, or propagates the exception, in time.
import asyncio

async def value(v):
    await asyncio.sleep(0.01)
    return v

async def fail():
    await asyncio.sleep(0)
    raise KeyError('k')

async def main():
    print(await asyncio.wait_for(value(1), 1))
    print(await asyncio.wait_for(value(2), None))
    t = asyncio.create_task(value(3))
    print(await asyncio.wait_for(t, 1), t.done())
    try:
        await asyncio.wait_for(fail(), 1)
    except KeyError as e:
        print('KeyError', e)
    fut = asyncio.get_running_loop().create_future()
    asyncio.get_running_loop().call_later(0.01, fut.set_result, 'fut')
    print(await asyncio.wait_for(fut, 1))

asyncio.run(main())
# expect: 1
# expect: 2
# expect: 3 True
# expect: KeyError 'k'
# expect: fut
