# QueueEmpty, QueueFull, task_done() too many times.
import asyncio

async def main():
    q = asyncio.Queue(1)
    try:
        q.get_nowait()
    except asyncio.QueueEmpty as e:
        print('QueueEmpty', repr(e), isinstance(e, Exception))
    q.put_nowait(1)
    try:
        q.put_nowait(2)
    except asyncio.QueueFull as e:
        print('QueueFull', repr(e))
    try:
        asyncio.Queue().task_done()
    except ValueError as e:
        print(e)
    print(asyncio.QueueEmpty.__module__, asyncio.QueueFull.__name__)

asyncio.run(main())
# expect: QueueEmpty QueueEmpty() True
# expect: QueueFull QueueFull()
# expect: task_done() called too many times
# expect: asyncio.queues QueueFull
