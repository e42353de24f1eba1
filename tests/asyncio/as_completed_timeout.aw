# A timeout makes the remaining awaitables raise TimeoutError.
import asyncio

async def work(n):
    await asyncio.sleep(n)
    return n

async def main():
    tasks = [asyncio.create_task(work(n)) for n in (0.01, 1, 2)]
    results = []
    try:
        for aw in asyncio.as_completed(tasks, timeout=0.05):
            results.append(await aw)
    except TimeoutError:
        print('TimeoutError', results)
    for t in tasks:
        t.cancel()

asyncio.run(main())
# expect: TimeoutError [0.01]
