# Queue subclasses: the _init/_put/_get storage hooks and an overridden
# full() are honoured by put/get and their _nowait forms.
import asyncio

class LoggingQueue(asyncio.Queue):
    def _put(self, item):
        print('store', item)
        super()._put(item)

    def _get(self):
        item = super()._get()
        print('take', item)
        return item

class SetQueue(asyncio.Queue):
    # Storage in a dict keyed by item: duplicates collapse.
    def _init(self, maxsize):
        self._queue = {}

    def _put(self, item):
        self._queue[item] = None

    def _get(self):
        item = next(iter(self._queue))
        del self._queue[item]
        return item

class TinyQueue(asyncio.Queue):
    def full(self):
        return self.qsize() >= 2

async def main():
    q = LoggingQueue()
    await q.put(1)
    q.put_nowait(2)
    print(await q.get(), q.get_nowait(), q.empty())
    s = SetQueue()
    for x in 'abab':
        s.put_nowait(x)
    print(s.qsize(), [await s.get() for _ in range(2)], s.empty())
    t = TinyQueue()
    t.put_nowait(1)
    t.put_nowait(2)
    try:
        t.put_nowait(3)
    except asyncio.QueueFull:
        print('full at', t.qsize())
    p = asyncio.create_task(t.put(3))
    await asyncio.sleep(0)
    print(p.done(), await t.get())
    await p
    print(t.qsize(), str(t))

asyncio.run(main())
# expect: store 1
# expect: store 2
# expect: take 1
# expect: take 2
# expect: 1 2 True
# expect: 2 ['a', 'b'] True
# expect: full at 2
# expect: False 1
# expect: 2 <TinyQueue maxsize=0 _queue=[2, 3] tasks=3>
