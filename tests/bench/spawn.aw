# bench: 200,000 tasks of `async def f(i): return i`, gathered
# tasks: 200000
import asyncio


async def f(i):
    return i


async def main():
    results = await asyncio.gather(*[f(i) for i in range(200000)])
    print(len(results), sum(results))


asyncio.run(main())
