# wait() with the default ALL_COMPLETED returns (done, pending) sets.
import asyncio

async def work(n):
    await asyncio.sleep(0.01 * n)
    return n

async def main():
    tasks = [asyncio.create_task(work(n)) for n in (3, 1, 2)]
    done, pending = await asyncio.wait(tasks)
    print(type(done).__name__, len(done), len(pending))
    print(sorted(t.result() for t in done))

asyncio.run(main())
# expect: set 3 0
# expect: [1, 2, 3]
