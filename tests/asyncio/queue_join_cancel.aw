# A cancelled join() does not disturb the others; task_done() wakes them.
import asyncio

async def main():
    q = asyncio.Queue()
    q.put_nowait('job')
    j1 = asyncio.create_task(q.join())
    j2 = asyncio.create_task(q.join())
    await asyncio.sleep(0)
    j1.cancel()
    await asyncio.sleep(0)
    print(j1.cancelled(), j2.done())
    q.get_nowait()
    q.task_done()
    await j2
    print('joined', j2.done())
    try:
        await asyncio.wait_for(asyncio.Queue().join(), 0.01)
        print('empty queue joins at once')
    except TimeoutError:
        print('timeout')

asyncio.run(main())
# expect: True False
# expect: joined True
# expect: empty queue joins at once
