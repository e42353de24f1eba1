# async for over a generator a variable still refers to: breaking out
# does not finalize it; asyncio.run closes it at the end
import asyncio


async def agen():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")


async def main():
    it = agen()
    async for x in it:
        print("got", x)
        break
    for i in range(3):
        await asyncio.sleep(0)
        print("tick", i)
    async for x in it:
        print("resumed", x)
        break
    print("main end")


asyncio.run(main())
print("done")
# expect: got 1
# expect: tick 0
# expect: tick 1
# expect: tick 2
# expect: resumed 2
# expect: main end
# expect: cleanup
# expect: done
