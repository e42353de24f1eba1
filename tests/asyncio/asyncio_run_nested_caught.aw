# asyncio.run refused inside a running loop: the RuntimeError can be caught and the outer run goes on
import asyncio

async def inner():
    return 1

async def outer():
    try:
        asyncio.run(inner())
    except RuntimeError as e:
        print("caught:", e)  # expect: caught: asyncio.run() cannot be called from a running event loop
    return await inner()

print(asyncio.run(outer()))  # expect: 1
