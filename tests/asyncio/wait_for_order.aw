# Step ordering around wait_for completion, compared with plain tasks.
import asyncio

async def ticker():
    for i in range(6):
        print('tick', i)
        await asyncio.sleep(0)

async def quick():
    print('quick start')
    await asyncio.sleep(0)
    print('quick end')
    return 'q'

async def main():
    t = asyncio.create_task(ticker())
    r = await asyncio.wait_for(quick(), 1)
    print('wait_for returned', r)
    await t

asyncio.run(main())
# expect: tick 0
# expect: quick start
# expect: tick 1
# expect: quick end
# expect: tick 2
# expect: tick 3
# expect: wait_for returned q
# expect: tick 4
# expect: tick 5
