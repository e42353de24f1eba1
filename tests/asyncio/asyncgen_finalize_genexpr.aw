# An async generator expression owns the generator it iterates: leaving an
# async for over the expression early finalizes the expression, whose
# closing then finalizes that generator; one resurrected by its finalizer
# is out of the loop's set of generators, as in CPython
import asyncio
import sys

saved = []


async def agen(n):
    try:
        for i in range(n):
            yield i
    finally:
        print("cleanup", n)


async def main():
    async for z in (v * 2 async for v in agen(4)):
        print("z", z)
        break
    for i in range(5):
        await asyncio.sleep(0)
        print("tick", i)
    old = sys.get_asyncgen_hooks()
    sys.set_asyncgen_hooks(old.firstiter, saved.append)
    async for x in agen(5):
        break
    sys.set_asyncgen_hooks(*old)
    print("saved", len(saved))
    async for y in saved[0]:
        print("resumed", y)
        if y == 2:
            break
    print("main end")


asyncio.run(main())
print("done")
# expect: z 0
# expect: tick 0
# expect: tick 1
# expect: tick 2
# expect: cleanup 4
# expect: tick 3
# expect: tick 4
# expect: saved 1
# expect: resumed 1
# expect: resumed 2
# expect: main end
# expect: done
