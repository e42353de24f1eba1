# After async for ... break, the aclose() task runs during the awaits that
# follow: created one iteration after the break, stepped the next
import asyncio


async def agen(n):
    try:
        for i in range(n):
            yield i
    finally:
        print("cleanup", n)


async def main():
    async for x in agen(5):
        print("got", x)
        if x == 1:
            break
    print("after loop")
    for i in range(4):
        await asyncio.sleep(0)
        print("tick", i)
    print("end main")


asyncio.run(main())
print("done")
# expect: got 0
# expect: got 1
# expect: after loop
# expect: tick 0
# expect: cleanup 5
# expect: tick 1
# expect: tick 2
# expect: tick 3
# expect: end main
# expect: done
