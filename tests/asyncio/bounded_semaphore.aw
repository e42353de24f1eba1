# BoundedSemaphore refuses to go above its initial value.
import asyncio

async def main():
    b = asyncio.BoundedSemaphore(2)
    async with b:
        async with b:
            print(b.locked())
    print(b.locked(), b._value)
    try:
        b.release()
    except ValueError as e:
        print(e)
    print(isinstance(b, asyncio.Semaphore))

asyncio.run(main())
# expect: True
# expect: False 2
# expect: BoundedSemaphore released too many times
# expect: True
