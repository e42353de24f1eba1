# timeout_at() takes an absolute loop time.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    when = loop.time() + 0.02
    cm = asyncio.timeout_at(when)
    print(cm.when() == when, repr(cm))
    try:
        async with cm:
            print(repr(cm) == f'<Timeout [active] when={round(when, 3)}>')
            await asyncio.sleep(1)
    except TimeoutError:
        print('timed out', repr(cm))
    async with asyncio.timeout_at(loop.time() + 1):
        await asyncio.sleep(0)
    print('in time')

asyncio.run(main())
# expect: True <Timeout [created]>
# expect: True
# expect: timed out <Timeout [expired]>
# expect: in time
