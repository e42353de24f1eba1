# timeout(None) never fires until rescheduled.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    async with asyncio.timeout(None) as cm:
        print(cm.when(), repr(cm))
        await asyncio.sleep(0.01)
    print('no timeout', cm.expired())
    try:
        async with asyncio.timeout(None) as cm:
            cm.reschedule(loop.time() + 0.01)
            print(cm.when() > loop.time())
            await asyncio.sleep(1)
    except TimeoutError:
        print('fired after reschedule')

asyncio.run(main())
# expect: None <Timeout [active] when=None>
# expect: no timeout False
# expect: True
# expect: fired after reschedule
