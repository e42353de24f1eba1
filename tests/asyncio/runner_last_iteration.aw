# run_until_complete (and so asyncio.run) stops the loop from a done
# callback of its future: the iteration after the one that finished main
# still runs what was scheduled meanwhile, before the remaining tasks are
# cancelled
import asyncio


async def other():
    print("other start")
    await asyncio.sleep(0)
    print("other never resumes")


async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(print, "callback")
    asyncio.create_task(other())
    print("main end")


asyncio.run(main())


async def quick():
    return "quick"


with asyncio.Runner() as r:
    print(r.run(quick()))
print("done")
# expect: main end
# expect: callback
# expect: other start
# expect: quick
# expect: done
