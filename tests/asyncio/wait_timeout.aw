# On timeout wait() returns what is done; pending tasks are not cancelled.
import asyncio

async def main():
    fast = asyncio.create_task(asyncio.sleep(0, result='fast'))
    slow = asyncio.create_task(asyncio.sleep(1))
    done, pending = await asyncio.wait([fast, slow], timeout=0.01)
    print(done == {fast}, pending == {slow}, slow.cancelled())
    slow.cancel()
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    done, pending = await asyncio.wait({f}, timeout=0)
    print(len(done), len(pending))

asyncio.run(main())
# expect: True True False
# expect: 0 1
