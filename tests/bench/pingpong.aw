# bench: two tasks hand a token to each other through futures, 500,000 times
# (pingpong_queue does the same through asyncio.Queue(1)s)
import asyncio

ROUNDS = 250000  # two hand-offs a round


async def ping(slot):
    loop = asyncio.get_running_loop()
    total = 0
    for i in range(ROUNDS):
        reply = loop.create_future()
        slot[0].set_result((i, reply))
        total += await reply
    return total


async def pong(slot):
    loop = asyncio.get_running_loop()
    for _ in range(ROUNDS):
        v, reply = await slot[0]
        slot[0] = loop.create_future()
        reply.set_result(v + 1)


async def main():
    slot = [asyncio.get_running_loop().create_future()]
    total, _ = await asyncio.gather(ping(slot), pong(slot))
    print(total)


asyncio.run(main())
