# bench: 100,000 tasks each sleeping 0 to 9 ms, gathered (peak memory per task)
# tasks: 100000
import asyncio


async def sleeper(i):
    await asyncio.sleep(0.001 * (i % 10))
    return i % 10


async def main():
    results = await asyncio.gather(*[sleeper(i) for i in range(100000)])
    print(len(results), sum(results))


asyncio.run(main())
