# bench: 1,000,000 tasks suspended on one Event, then released (peak memory per task)
# tasks: 1000000
import asyncio


async def waiter(ev):
    await ev.wait()
    return 1


async def main():
    ev = asyncio.Event()
    tasks = [asyncio.create_task(waiter(ev)) for _ in range(1000000)]
    await asyncio.sleep(0)  # every task is now parked on the event
    ev.set()
    print(sum(await asyncio.gather(*tasks)))


asyncio.run(main())
