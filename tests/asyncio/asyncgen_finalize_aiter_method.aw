# async for over an object whose __aiter__ returns a new generator: the
# loop owns it as when it calls the generator function itself; one the
# object keeps is not finalized at the break
import asyncio


class Stream:
    def __init__(self, n):
        self.n = n

    def __aiter__(self):
        return self._gen()

    async def _gen(self):
        try:
            for i in range(self.n):
                yield i
        finally:
            print("stream closed")


class Keeper:
    def __aiter__(self):
        self.g = self._gen()
        return self.g

    async def _gen(self):
        try:
            yield 1
            yield 2
        finally:
            print("keeper closed")


async def main():
    async for x in Stream(5):
        print("x", x)
        if x == 1:
            break
    k = Keeper()
    async for y in k:
        print("y", y)
        break
    for i in range(3):
        await asyncio.sleep(0)
        print("tick", i)
    print("main end")


asyncio.run(main())
print("done")
# expect: x 0
# expect: x 1
# expect: y 1
# expect: tick 0
# expect: stream closed
# expect: tick 1
# expect: tick 2
# expect: main end
# expect: keeper closed
# expect: done
