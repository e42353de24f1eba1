# async for ... break: the loop's generator is finalized at the break (the
# loop's finalizer hook schedules its aclose()); one still suspended when
# main ends is closed by asyncio.run
import asyncio


async def agen():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")


async def main():
    async for x in agen():
        print("got", x)
        break
    print("after loop")
    await asyncio.sleep(0)
    print("after sleep")
    g = agen()
    print(await g.__anext__())
    print("end main")


asyncio.run(main())
print("done")
# expect: got 1
# expect: after loop
# expect: after sleep
# expect: 1
# expect: end main
# expect: cleanup
# expect: cleanup
# expect: done
