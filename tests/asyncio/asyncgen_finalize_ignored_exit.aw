# A finalized generator that yields again in its finally: its aclose()
# task fails with RuntimeError "async generator ignored GeneratorExit"
import asyncio


async def stubborn():
    try:
        yield 1
    finally:
        print("finally")
        yield 2


def handler(loop, ctx):
    print("handler:", ctx["message"], repr(ctx["exception"]))


async def main():
    asyncio.get_running_loop().set_exception_handler(handler)
    async for x in stubborn():
        break
    for i in range(3):
        await asyncio.sleep(0)
        print("tick", i)


asyncio.run(main())
# expect: tick 0
# expect: finally
# expect: handler: Task exception was never retrieved RuntimeError('async generator ignored GeneratorExit')
# expect: tick 1
# expect: tick 2
