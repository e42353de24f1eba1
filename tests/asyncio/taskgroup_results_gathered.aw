# Many children, collected results in creation order.
import asyncio

async def square(n):
    await asyncio.sleep(0)
    return n * n

async def main():
    async with asyncio.TaskGroup() as tg:
        tasks = [tg.create_task(square(i)) for i in range(10)]
    print([t.result() for t in tasks])

asyncio.run(main())
# expect: [0, 1, 4, 9, 16, 25, 36, 49, 64, 81]
