# An exception inside an async list comprehension finalizes the generator
# it iterates as the comprehension unwinds
import asyncio


async def agen():
    try:
        yield 1
        yield 0
        yield 2
    finally:
        print("cleanup")


async def main():
    try:
        print([10 // x async for x in agen()])
    except ZeroDivisionError as e:
        print("caught", e)
    for i in range(3):
        await asyncio.sleep(0)
        print("tick", i)
    print([x async for x in agen()])


asyncio.run(main())
# expect: caught integer division or modulo by zero
# expect: tick 0
# expect: cleanup
# expect: tick 1
# expect: tick 2
# expect: cleanup
# expect: [1, 0, 2]
