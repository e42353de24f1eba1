# bench: pingpong through asyncio.Queue(1)s (500,000 hand-offs): the Queue code of asyncio.aw
import asyncio

ROUNDS = 250000  # two hand-offs a round


async def ping(out_q, in_q):
    total = 0
    for i in range(ROUNDS):
        await out_q.put(i)
        total += await in_q.get()
    return total


async def pong(in_q, out_q):
    for i in range(ROUNDS):
        v = await in_q.get()
        await out_q.put(v + 1)


async def main():
    a, b = asyncio.Queue(1), asyncio.Queue(1)
    total, _ = await asyncio.gather(ping(a, b), pong(a, b))
    print(total)


asyncio.run(main())
