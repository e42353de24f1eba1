# A coroutine someone reached through cr_await stays itself after it
# returns, even while later `await f()` calls reuse finished coroutines.
import asyncio
import inspect


async def leaf():
    await asyncio.sleep(0)
    return 5


async def other():
    await asyncio.sleep(0)
    return 6


async def mid():
    return await leaf()


async def main():
    t = asyncio.create_task(mid())
    await asyncio.sleep(0)
    seen = t.get_coro().cr_await
    print(seen.__name__, inspect.getcoroutinestate(seen))
    print(await t)
    total = 0
    for _ in range(5):
        total += await other() + await leaf()
    print(total)
    print(seen.__name__, inspect.getcoroutinestate(seen), seen.cr_frame)
    try:
        await seen
    except RuntimeError as e:
        print("RuntimeError:", e)


asyncio.run(main())
# expect: leaf CORO_SUSPENDED
# expect: 5
# expect: 55
# expect: leaf CORO_CLOSED None
# expect: RuntimeError: cannot reuse already awaited coroutine
