# SystemExit in the body is re-raised as itself, not grouped.
import asyncio

async def child():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print('child cancelled')
        raise

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(child())
            await asyncio.sleep(0)
            raise SystemExit(3)
    except SystemExit as e:
        print('SystemExit', e.code)

asyncio.run(main())
# expect: child cancelled
# expect: SystemExit 3
