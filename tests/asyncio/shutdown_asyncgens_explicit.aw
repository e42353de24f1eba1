# loop.shutdown_asyncgens() called by the script: closes the generators
# first iterated so far; later ones are tracked again
import asyncio

gens = []


async def agen(n):
    try:
        yield n
    finally:
        print("cleanup", n)


async def main():
    loop = asyncio.get_running_loop()
    g = agen(1)
    gens.append(g)
    await g.__anext__()
    print("shutting down")
    await loop.shutdown_asyncgens()
    print("shutdown done")
    await loop.shutdown_asyncgens()
    print("nothing left")
    h = agen(2)
    gens.append(h)
    await h.__anext__()
    print("main end")


asyncio.run(main())
print("done")
# expect: shutting down
# expect: cleanup 1
# expect: shutdown done
# expect: nothing left
# expect: main end
# expect: cleanup 2
# expect: done
