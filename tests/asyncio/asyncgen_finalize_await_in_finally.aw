# A finalized generator whose finally awaits: its aclose() task runs it
# across several loop iterations, interleaved with main
import asyncio


async def agen():
    try:
        yield 1
        yield 2
    finally:
        print("finally start")
        await asyncio.sleep(0)
        print("finally mid")
        await asyncio.sleep(0)
        print("finally end")


async def main():
    async for x in agen():
        print("got", x)
        break
    for i in range(6):
        print("tick", i)
        await asyncio.sleep(0)


asyncio.run(main())
print("done")
# expect: got 1
# expect: tick 0
# expect: tick 1
# expect: finally start
# expect: tick 2
# expect: finally mid
# expect: tick 3
# expect: finally end
# expect: tick 4
# expect: tick 5
# expect: done
