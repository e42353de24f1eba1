# Run by async_native.c: store.fetch() is a native async function; the host
# completes each call later, from its own timer.
import asyncio
import store

async def get(key):
    try:
        value = await store.fetch(key)
        print("got", key, "=", value)
        return value
    except KeyError as e:
        print("missing", e)
        return None

async def main():
    results = await asyncio.gather(get("slow"), get("fast"), get("nope"), get("medium"))
    print("results:", results)
    return sum(1 for r in results if r is not None)
