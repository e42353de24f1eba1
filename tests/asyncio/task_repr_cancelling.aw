# A pending task with a cancel() request not yet delivered shows "cancelling".
import asyncio

async def work():
    await asyncio.sleep(1)

async def main():
    t = asyncio.create_task(work(), name="w")
    await asyncio.sleep(0)
    t.cancel()
    r = repr(t)
    print(r[:r.index(" coro=")])
    print(t.cancelling(), t.uncancel(), repr(t)[:18])
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        pass
    print(repr(t)[:24])

asyncio.run(main())
# expect: <Task cancelling name='w'
# expect: 1 0 <Task pending name
# expect: <Task cancelled name='w'
