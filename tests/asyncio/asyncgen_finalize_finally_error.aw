# An exception in the finally of a finalized generator fails its aclose()
# task, which nobody awaits: "Task exception was never retrieved", reported
# as soon as the task is done
import asyncio


async def agen():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")
        raise ValueError("boom in finally")


def handler(loop, ctx):
    print("handler:", ctx["message"], repr(ctx["exception"]))


async def main():
    asyncio.get_running_loop().set_exception_handler(handler)
    async for x in agen():
        break
    for i in range(3):
        await asyncio.sleep(0)
        print("tick", i)


asyncio.run(main())
print("done")
# expect: tick 0
# expect: cleanup
# expect: handler: Task exception was never retrieved ValueError('boom in finally')
# expect: tick 1
# expect: tick 2
# expect: done
