# as_completed() yields awaitables in completion order.
import asyncio

async def work(n):
    await asyncio.sleep(0.01 * n)
    return n

async def main():
    it = asyncio.as_completed([work(3), work(1), work(2)])
    print(type(it).__name__)
    for aw in it:
        print(await aw)
    tasks = [asyncio.create_task(work(n)) for n in (2, 1)]
    print([await aw for aw in asyncio.as_completed(tasks)])

asyncio.run(main())
# expect: generator
# expect: 1
# expect: 2
# expect: 3
# expect: [1, 2]
