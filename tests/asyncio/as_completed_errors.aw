# as_completed: exceptions come out of the awaitable; bad arguments raise
# TypeError at the first next().
import asyncio

async def fail():
    await asyncio.sleep(0)
    raise ValueError('bad')

async def main():
    for aw in asyncio.as_completed([fail()]):
        try:
            await aw
        except ValueError as e:
            print('ValueError', e)
    fut = asyncio.get_running_loop().create_future()
    it = asyncio.as_completed(fut)
    print('no error yet')
    try:
        next(it)
    except TypeError as e:
        print(e)
    print(list(asyncio.as_completed([])))

asyncio.run(main())
# expect: ValueError bad
# expect: no error yet
# expect: expect an iterable of futures, not Future
# expect: []
