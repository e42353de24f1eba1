# FIRST_EXCEPTION returns at the first failure, or when all are done.
import asyncio

async def work(n):
    for _ in range(n):
        await asyncio.sleep(0)
    if n == 2:
        raise ValueError(n)
    return n

async def main():
    tasks = [asyncio.create_task(work(n)) for n in (1, 2, 9)]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
    print(len(done), len(pending))
    print(sorted(repr(t.exception()) for t in done))
    for t in pending:
        t.cancel()
    tasks = [asyncio.create_task(work(n)) for n in (1, 3)]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
    print(len(done), len(pending))
    print(asyncio.FIRST_COMPLETED, asyncio.FIRST_EXCEPTION, asyncio.ALL_COMPLETED)

asyncio.run(main())
# expect: 2 1
# expect: ['None', 'ValueError(2)']
# expect: 2 0
# expect: FIRST_COMPLETED FIRST_EXCEPTION ALL_COMPLETED
