# Nested timeouts: only the one that expired raises TimeoutError.
import asyncio

async def main():
    try:
        async with asyncio.timeout(0.01) as outer:
            try:
                async with asyncio.timeout(1) as inner:
                    await asyncio.sleep(1)
            except TimeoutError:
                print('inner raised TimeoutError')
            except asyncio.CancelledError:
                print('inner let CancelledError through', inner.expired())
                raise
    except TimeoutError:
        print('outer TimeoutError', outer.expired())

    async with asyncio.timeout(1) as outer:
        try:
            async with asyncio.timeout(0.01) as inner:
                await asyncio.sleep(1)
        except TimeoutError:
            print('inner TimeoutError', inner.expired(), outer.expired())
    print('outer fine')

asyncio.run(main())
# expect: inner let CancelledError through False
# expect: outer TimeoutError True
# expect: inner TimeoutError True False
# expect: outer fine
