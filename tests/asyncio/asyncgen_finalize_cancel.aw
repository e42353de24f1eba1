# A task cancelled inside the body of async for: the CancelledError
# unwinds the loop, whose generator is finalized
import asyncio


async def agen():
    try:
        for i in range(100):
            yield i
    finally:
        print("cleanup")


async def worker():
    async for x in agen():
        print("w", x)
        await asyncio.sleep(1)


async def main():
    t = asyncio.create_task(worker())
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("cancelled")
    for i in range(3):
        await asyncio.sleep(0)
        print("tick", i)


asyncio.run(main())
# expect: w 0
# expect: cancelled
# expect: cleanup
# expect: tick 0
# expect: tick 1
# expect: tick 2
