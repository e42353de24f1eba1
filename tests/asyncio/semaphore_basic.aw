# Semaphore(2) lets two workers in at a time, in arrival order (each leaves
# when main sets its event, so the order does not depend on timers).
import asyncio

async def worker(sem, name, go):
    async with sem:
        print('in', name)
        await go.wait()
        print('out', name)

async def main():
    sem = asyncio.Semaphore(2)
    go = {n: asyncio.Event() for n in 'abcde'}
    tasks = [asyncio.create_task(worker(sem, n, go[n])) for n in 'abcde']
    for n in 'abcde':
        for _ in range(3):
            await asyncio.sleep(0)
        go[n].set()
    await asyncio.gather(*tasks)
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
# expect: in c
# expect: out b
# expect: in d
# expect: out c
# expect: in e
# expect: out d
# expect: out e
# expect: False True True
# expect: False 2
# expect: True
