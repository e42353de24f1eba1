# The classic use: a cancelled caller, a shielded operation that survives.
import asyncio

async def save(go):
    await go.wait()
    print('saved')

async def handler(go):
    try:
        await asyncio.shield(save(go))
    except asyncio.CancelledError:
        print('handler cancelled')
        raise

async def main():
    go = asyncio.Event()
    t = asyncio.create_task(handler(go))
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    t.cancel()
    await asyncio.sleep(0)
    print('cancel delivered', t.done())
    go.set()
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print(t.cancelled())

asyncio.run(main())
# expect: handler cancelled
# expect: cancel delivered True
# expect: saved
# expect: True
