# A Condition built on a given Lock shares it: methods and state.
import asyncio

async def main():
    lock = asyncio.Lock()
    cond = asyncio.Condition(lock)
    await lock.acquire()
    print(cond.locked())
    cond.release()
    print(lock.locked())
    async with cond:
        print(lock.locked())
    print(lock.locked())
    c1 = asyncio.Condition(lock)
    c2 = asyncio.Condition(lock)
    async with c1:
        print(c2.locked())

asyncio.run(main())
# expect: True
# expect: False
# expect: True
# expect: False
# expect: True
