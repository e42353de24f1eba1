# An exception leaving the body of async for drops the loop's generator as
# it unwinds (before the except clause runs)
import asyncio


async def agen():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")


async def main():
    try:
        async for x in agen():
            print("got", x)
            raise KeyError("k")
    except KeyError as e:
        print("caught", repr(e))
        await asyncio.sleep(0)
        print("in handler")
    for i in range(3):
        await asyncio.sleep(0)
        print("tick", i)


asyncio.run(main())
print("done")
# expect: got 1
# expect: caught KeyError('k')
# expect: in handler
# expect: cleanup
# expect: tick 0
# expect: tick 1
# expect: tick 2
# expect: done
