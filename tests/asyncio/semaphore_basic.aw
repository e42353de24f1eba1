# Semaphore(2) lets two workers in at a time, in arrival order.
import asyncio

async def worker(sem, name):
    async with sem:
        print('in', name)
        await asyncio.sleep(0.01)
        print('out', name)

async def main():
    sem = asyncio.Semaphore(2)
    await asyncio.gather(*(worker(sem, n) for n in 'abcde'))
    s = asyncio.Semaphore()
    print(s.locked(), await s.acquire(), s.locked())
    s.release()
    s.release()
    print(s.locked(), s._value)
    z = asyncio.Semaphore(0)
    print(z.locked())

asyncio.run(main())
# expect: in a
# expect: in b
# expect: out a
# expect: out b
# expect: in c
# expect: in d
# expect: out c
# expect: out d
# expect: in e
# expect: out e
# expect: False True True
# expect: False 2
# expect: True
