# aw-only: asyncio.run(..., virtual_time=True) jumps the clock to the next
# deadline whenever every task waits on timers: hours of sleeps finish at
# once (this file would time out otherwise), in the same order.
import asyncio


async def ticker(name, n, delay):
    for i in range(n):
        await asyncio.sleep(delay)
        print(name, i)


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    await asyncio.gather(ticker('hourly', 3, 3600), ticker('daily', 1, 86400 / 10))
    async with asyncio.timeout(7200):
        await asyncio.sleep(7000)
    try:
        await asyncio.wait_for(asyncio.sleep(10 ** 6), 600)
    except TimeoutError:
        print('timed out')
    print(round(loop.time() - t0))


asyncio.run(main(), virtual_time=True)
# expect: hourly 0
# expect: hourly 1
# expect: daily 0
# expect: hourly 2
# expect: timed out
# expect: 18400
