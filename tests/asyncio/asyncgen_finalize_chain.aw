# An async generator iterating another: finalizing the outer one closes
# it, which unwinds its own async for and finalizes the inner one
import asyncio


async def inner():
    try:
        yield 1
        yield 2
    finally:
        print("inner cleanup")


async def outer():
    try:
        async for x in inner():
            yield x * 10
    finally:
        print("outer cleanup")


async def main():
    async for y in outer():
        print("y", y)
        break
    for i in range(5):
        await asyncio.sleep(0)
        print("tick", i)


asyncio.run(main())
# expect: y 10
# expect: tick 0
# expect: outer cleanup
# expect: tick 1
# expect: tick 2
# expect: inner cleanup
# expect: tick 3
# expect: tick 4
