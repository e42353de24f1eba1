# A task that finishes holding a suspended generator drops it: finalized
# then, before the task's own done callbacks run
import asyncio


async def agen(name):
    try:
        yield 1
        yield 2
    finally:
        print("cleanup", name)


async def worker():
    g = agen("w")
    print("worker got", await g.__anext__())
    return "w-result"


async def main():
    t = asyncio.create_task(worker())
    print(await t)
    for i in range(4):
        await asyncio.sleep(0)
        print("tick", i)
    print("main end")


asyncio.run(main())
print("done")
# expect: worker got 1
# expect: w-result
# expect: cleanup w
# expect: tick 0
# expect: tick 1
# expect: tick 2
# expect: tick 3
# expect: main end
# expect: done
