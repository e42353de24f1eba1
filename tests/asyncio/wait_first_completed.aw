# FIRST_COMPLETED returns as soon as one is done; the rest keep running.
import asyncio

async def work(n):
    for _ in range(n):
        await asyncio.sleep(0)
    return n

async def main():
    tasks = [asyncio.create_task(work(n)) for n in (3, 1, 9)]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    print(sorted(t.result() for t in done), len(pending))
    print(any(t.cancelled() for t in pending))
    done, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
    print(sorted(t.result() for t in done), len(pending))
    for t in pending:
        t.cancel()

asyncio.run(main())
# expect: [1, 3] 1
# expect: False
# expect: [9] 0
