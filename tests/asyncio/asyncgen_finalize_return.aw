# return from inside async for (within try/finally): the function's finally
# runs first, then the loop drops its generator
import asyncio


async def agen():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")


async def find():
    try:
        async for x in agen():
            if x == 1:
                return x
    finally:
        print("find finally")


async def main():
    print("found", await find())
    for i in range(3):
        await asyncio.sleep(0)
        print("tick", i)


asyncio.run(main())
# expect: find finally
# expect: found 1
# expect: tick 0
# expect: cleanup
# expect: tick 1
# expect: tick 2
