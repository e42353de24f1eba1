# bench: many wake-ups of one task parked under a 1,000-deep await chain vs
# a 1-deep one: resuming should not cost time proportional to the depth
# (per-phase times go to stderr as "bench:" lines)
import asyncio
import sys
import time

WAKES = 20000


async def parked(n, box):
    if n > 1:
        return await parked(n - 1, box)
    loop = asyncio.get_running_loop()
    total = 0
    for _ in range(WAKES):
        box[0] = loop.create_future()
        total += await box[0]
    return total


async def waker(box):
    for _ in range(WAKES):
        while box[0] is None or box[0].done():
            await asyncio.sleep(0)
        box[0].set_result(1)


async def phase(depth):
    box = [None]
    t0 = time.perf_counter()
    total, _ = await asyncio.gather(parked(depth, box), waker(box))
    dt = time.perf_counter() - t0
    sys.stderr.write(f"bench: depth {depth}: {dt / WAKES * 1e6:.2f} us per wake-up\n")
    return total


async def main():
    print(await phase(1), await phase(1000))


sys.setrecursionlimit(5000)
asyncio.run(main())
