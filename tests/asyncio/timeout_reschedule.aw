# reschedule() moves the deadline later, earlier, or removes it.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    async with asyncio.timeout(0.01) as cm:
        cm.reschedule(loop.time() + 1)
        await asyncio.sleep(0.03)
        print('extended')
        cm.reschedule(None)
        print(cm.when())
        await asyncio.sleep(0.02)
    print('removed')
    try:
        async with asyncio.timeout(1) as cm:
            cm.reschedule(loop.time() - 1)
            print('past deadline, still running')
            await asyncio.sleep(0)
            print('not reached')
    except TimeoutError:
        print('expired at the first await')

asyncio.run(main())
# expect: extended
# expect: None
# expect: removed
# expect: past deadline, still running
# expect: expired at the first await
