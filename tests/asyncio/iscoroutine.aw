# asyncio.iscoroutine / iscoroutinefunction.
import asyncio

async def coro_fn():
    pass

def plain():
    pass

def gen_fn():
    yield

class Awaitable:
    def __await__(self):
        yield

async def main():
    c = coro_fn()
    print(asyncio.iscoroutine(c), asyncio.iscoroutine(1), asyncio.iscoroutine(Awaitable()))
    print(asyncio.iscoroutine(gen_fn()))
    t = asyncio.create_task(coro_fn())
    print(asyncio.iscoroutine(t), asyncio.isfuture(t), asyncio.isfuture(c))
    print(asyncio.iscoroutinefunction(coro_fn), asyncio.iscoroutinefunction(plain),
          asyncio.iscoroutinefunction(gen_fn))
    await c
    await t

asyncio.run(main())
# expect: True False False
# expect: True
# expect: False True False
# expect: True False False
