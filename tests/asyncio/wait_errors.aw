# wait() argument errors.
import asyncio

async def nop():
    pass

async def main():
    c = nop()
    try:
        await asyncio.wait([c])
    except TypeError as e:
        print(e)
    c.close()
    try:
        await asyncio.wait([])
    except ValueError as e:
        print(e)
    t = asyncio.create_task(nop())
    try:
        await asyncio.wait([t], return_when='SOMETIMES')
    except ValueError as e:
        print(e)
    try:
        await asyncio.wait(t)
    except TypeError as e:
        print(e)
    c = nop()
    try:
        await asyncio.wait(c)
    except TypeError as e:
        print(e)
    c.close()
    await t

asyncio.run(main())
# expect: Passing coroutines is forbidden, use tasks explicitly.
# expect: Set of Tasks/Futures is empty.
# expect: Invalid return_when value: SOMETIMES
# expect: expect a list of futures, not Task
# expect: expect a list of futures, not coroutine
