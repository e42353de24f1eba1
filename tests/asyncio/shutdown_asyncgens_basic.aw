# asyncio.run closes the async generators still suspended when main ends
# (loop.shutdown_asyncgens), after cancelling the remaining tasks
import asyncio

gens = []


async def agen(name):
    try:
        yield name
        yield name
    finally:
        print("closing", name)
        await asyncio.sleep(0)
        print("closed", name)


async def background():
    try:
        await asyncio.sleep(10)
    finally:
        print("background cancelled")


async def main():
    asyncio.create_task(background())
    g = agen("a")
    gens.append(g)
    print(await g.__anext__())
    await asyncio.sleep(0)
    print("end main")


asyncio.run(main())
print("done")
# expect: a
# expect: end main
# expect: background cancelled
# expect: closing a
# expect: closed a
# expect: done
