# A timeout that does not fire leaves the block alone.
import asyncio

async def main():
    async with asyncio.timeout(1) as cm:
        await asyncio.sleep(0.01)
        print('body done', cm.expired())
    print(cm.expired(), repr(cm))
    try:
        async with asyncio.timeout(1):
            raise ValueError('passes through')
    except ValueError as e:
        print('ValueError', e)

asyncio.run(main())
# expect: body done False
# expect: False <Timeout [finished]>
# expect: ValueError passes through
