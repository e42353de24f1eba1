# Futures done before wait() still go through one loop step.
import asyncio

async def other():
    print('other ran')

async def main():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    f.set_result(1)
    asyncio.create_task(other())
    done, pending = await asyncio.wait([f, f])
    print(len(done), len(pending))

asyncio.run(main())
# expect: other ran
# expect: 1 0
