# A firstiter hook of the script's own may keep the generator: leaving an
# async for early then finalizes nothing
import asyncio
import sys

kept = []


async def agen():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")


async def main():
    old = sys.get_asyncgen_hooks()

    def first(ag):
        kept.append(ag)
        old.firstiter(ag)

    sys.set_asyncgen_hooks(firstiter=first)
    async for x in agen():
        print("got", x)
        break
    sys.set_asyncgen_hooks(*old)
    for i in range(3):
        await asyncio.sleep(0)
        print("tick", i)
    print(len(kept), kept[0].ag_running)


asyncio.run(main())
print("done")
# expect: got 1
# expect: tick 0
# expect: tick 1
# expect: tick 2
# expect: 1 False
# expect: cleanup
# expect: done
