# join() waits until task_done() was called for every item.
import asyncio

async def worker(q, name):
    while True:
        item = await q.get()
        await asyncio.sleep(0.01)
        print(name, 'done', item)
        q.task_done()

async def main():
    q = asyncio.Queue()
    await q.join()
    print('empty join returns')
    for i in range(4):
        q.put_nowait(i)
    workers = [asyncio.create_task(worker(q, n)) for n in 'ab']
    await q.join()
    print('joined')
    for w in workers:
        w.cancel()
    await asyncio.gather(*workers, return_exceptions=True)

asyncio.run(main())
# expect: empty join returns
# expect: a done 0
# expect: b done 1
# expect: a done 2
# expect: b done 3
# expect: joined
