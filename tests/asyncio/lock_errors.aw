# Releasing an unlocked Lock is a RuntimeError.
import asyncio

async def main():
    lock = asyncio.Lock()
    try:
        lock.release()
    except RuntimeError as e:
        print(e)
    await lock.acquire()
    lock.release()
    try:
        lock.release()
    except RuntimeError as e:
        print(e)

asyncio.run(main())
# expect: Lock is not acquired.
# expect: Lock is not acquired.
