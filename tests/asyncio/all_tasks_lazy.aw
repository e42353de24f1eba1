# all_tasks() lists exactly the pending tasks, however they finished (and
# whether or not a collection ran since); asyncio.run cancels those left.
import asyncio
import gc


async def quick(i):
    return i


async def slow(name):
    try:
        await asyncio.sleep(10)
    finally:
        print("cleanup", name)


async def main():
    ev = asyncio.Event()
    waiting = [asyncio.create_task(ev.wait()) for _ in range(5)]
    done = [asyncio.create_task(quick(i)) for i in range(5)]
    await asyncio.sleep(0)
    print(len(asyncio.all_tasks()))
    done = None
    gc.collect()
    print(len(asyncio.all_tasks()))
    waiting[2].cancel()
    await asyncio.sleep(0)
    print(len(asyncio.all_tasks()), asyncio.current_task() in asyncio.all_tasks())
    ev.set()
    await asyncio.sleep(0)
    print(len(asyncio.all_tasks()))
    t = asyncio.create_task(slow(0))
    gc.collect()
    await asyncio.sleep(0)
    print(len(asyncio.all_tasks()))


asyncio.run(main())
print("end")
# expect: 6
# expect: 6
# expect: 5 True
# expect: 1
# expect: 2
# expect: cleanup 0
# expect: end
