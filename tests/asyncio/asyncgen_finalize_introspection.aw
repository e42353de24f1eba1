# cr_await shows the __anext__() awaitable an async for is waiting on,
# which leads to its generator: once shown, the loop no longer owns it
import asyncio

grabbed = []


async def agen():
    try:
        yield 1
        await asyncio.sleep(0)
        yield 2
    finally:
        print("cleanup")


async def spy(task):
    aw = task.get_coro().cr_await
    grabbed.append(aw)
    print("spy", type(aw).__name__)


async def main():
    asyncio.create_task(spy(asyncio.current_task()))
    n = 0
    async for x in agen():
        n += 1
        if n == 2:
            break
    print("after loop")
    for i in range(3):
        await asyncio.sleep(0)
        print("tick", i)
    print("main end")


asyncio.run(main())
print("done")
# expect: spy async_generator_asend
# expect: after loop
# expect: tick 0
# expect: tick 1
# expect: tick 2
# expect: main end
# expect: cleanup
# expect: done
