# PriorityQueue pops the smallest item; equal keys come out in heapq order.
import asyncio

class Job:
    def __init__(self, prio, name):
        self.prio = prio
        self.name = name

    def __lt__(self, other):
        return self.prio < other.prio

async def main():
    q = asyncio.PriorityQueue()
    for x in [5, 1, 4, 1, 5, 9, 2, 6, 5, 3]:
        q.put_nowait(x)
    print([q.get_nowait() for _ in range(q.qsize())])
    for item in [(2, 'b'), (1, 'z'), (2, 'a'), (0, 'x')]:
        await q.put(item)
    print([await q.get() for _ in range(4)])
    for i, p in enumerate([3, 1, 3, 2, 1, 3, 2, 1, 3, 1]):
        q.put_nowait(Job(p, f'j{i}'))
    out = []
    while not q.empty():
        j = q.get_nowait()
        out.append(f'{j.prio}{j.name}')
    print(out)
    import random
    random.seed(4)
    data = [random.randrange(1000) for _ in range(200)]
    for x in data:
        q.put_nowait(x)
    print([q.get_nowait() for _ in range(200)] == sorted(data))

asyncio.run(main())
# expect: [1, 1, 2, 3, 4, 5, 5, 5, 6, 9]
# expect: [(0, 'x'), (1, 'z'), (2, 'a'), (2, 'b')]
# expect: ['1j1', '1j4', '1j9', '1j7', '2j6', '2j3', '3j5', '3j2', '3j8', '3j0']
# expect: True
