# Queue repr/str: maxsize, items, getters, putters, unfinished tasks.
import asyncio

async def main():
    q = asyncio.Queue()
    print(str(q), repr(q).startswith('<Queue at 0x'))
    q.put_nowait(1)
    q.put_nowait('two')
    print(str(q))
    q.get_nowait()
    print(str(q))
    q.get_nowait()
    q.task_done()
    print(str(q))
    g = asyncio.create_task(q.get())
    await asyncio.sleep(0)
    print(str(q))
    q.put_nowait(3)
    await g
    b = asyncio.Queue(1)
    b.put_nowait(0)
    p = asyncio.create_task(b.put(1))
    await asyncio.sleep(0)
    print(str(b))
    b.get_nowait()
    await p
    print(str(asyncio.PriorityQueue(5)), str(asyncio.LifoQueue()))
    r = repr(b)
    print(r[r.index(' maxsize'):])

asyncio.run(main())
# expect: <Queue maxsize=0> True
# expect: <Queue maxsize=0 _queue=[1, 'two'] tasks=2>
# expect: <Queue maxsize=0 _queue=['two'] tasks=2>
# expect: <Queue maxsize=0 tasks=1>
# expect: <Queue maxsize=0 _getters[1] tasks=1>
# expect: <Queue maxsize=1 _queue=[0] _putters[1] tasks=1>
# expect: <PriorityQueue maxsize=5> <LifoQueue maxsize=0>
# expect:  maxsize=1 _queue=[1] tasks=2>
