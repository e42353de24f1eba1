# Runner after asyncio.run(), and asyncio.run() after a Runner closed.
import asyncio
async def f(x):
    await asyncio.sleep(0)
    return x
print(asyncio.run(f(1)))
with asyncio.Runner() as r:
    print(r.run(f(2)))
    print(r.run(f(3)))
print(asyncio.run(f(4)))
r = asyncio.Runner()
print(r.run(f(5)))
async def bg():
    try:
        await asyncio.sleep(10)
    finally:
        print('bg cleaned up')
async def spawn():
    asyncio.create_task(bg())
    await asyncio.sleep(0)
r.run(spawn())
r.close()
print('closed')
with asyncio.Runner(debug=True) as r:
    async def dbg():
        return asyncio.get_running_loop().get_debug()
    print(r.run(dbg()))
# expect: 1
# expect: 2
# expect: 3
# expect: 4
# expect: 5
# expect: bg cleaned up
# expect: closed
# expect: True
