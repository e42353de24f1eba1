# Nested async for loops: each break finalizes its own loop's generator
import asyncio


async def agen(name, n):
    try:
        for i in range(n):
            yield i
            await asyncio.sleep(0)
    finally:
        print("cleanup", name)


async def main():
    async for a in agen("outer", 3):
        async for b in agen("inner", 3):
            print(a, b)
            if b == 1:
                break
        if a == 1:
            break
    for i in range(5):
        await asyncio.sleep(0)
        print("tick", i)


asyncio.run(main())
# expect: 0 0
# expect: 0 1
# expect: 1 0
# expect: cleanup inner
# expect: 1 1
# expect: tick 0
# expect: cleanup inner
# expect: cleanup outer
# expect: tick 1
# expect: tick 2
# expect: tick 3
# expect: tick 4
