# bench: a 100-deep recursive await chain, 20,000 times
import asyncio


async def depth(n):
    return 0 if n == 0 else 1 + await depth(n - 1)


async def main():
    total = 0
    for _ in range(20000):
        total += await depth(100)
    print(total)


asyncio.run(main())
