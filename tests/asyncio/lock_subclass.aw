# async with calls an overridden acquire()/release() of a Lock or
# Semaphore subclass.
import asyncio

class LoudLock(asyncio.Lock):
    async def acquire(self):
        print('acquire')
        return await super().acquire()

    def release(self):
        print('release')
        super().release()

class LoudSemaphore(asyncio.BoundedSemaphore):
    async def acquire(self):
        print('sem acquire')
        return await super().acquire()

async def main():
    lock = LoudLock()
    async with lock:
        print('inside', lock.locked())
    print(lock.locked())
    r = repr(lock)
    print(r[:r.index(' at ')])
    sem = LoudSemaphore(1)
    async with sem:
        print('sem inside', sem.locked())
    print(sem.locked())

asyncio.run(main())
# expect: acquire
# expect: inside True
# expect: release
# expect: False
# expect: <__main__.LoudLock object
# expect: sem acquire
# expect: sem inside True
# expect: False
