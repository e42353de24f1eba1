# Timeout misuse: RuntimeError messages.
import asyncio

async def main():
    cm = asyncio.timeout(1)
    try:
        cm.reschedule(None)
    except RuntimeError as e:
        print(e)
    async with cm:
        try:
            async with cm:
                pass
        except RuntimeError as e:
            print(e)
    try:
        cm.reschedule(None)
    except RuntimeError as e:
        print(e)
    try:
        async with cm:
            pass
    except RuntimeError as e:
        print(e)
    try:
        async with asyncio.timeout(0) as cm:
            await asyncio.sleep(1)
    except TimeoutError:
        pass
    try:
        cm.reschedule(None)
    except RuntimeError as e:
        print(e)

asyncio.run(main())
# expect: Timeout has not been entered
# expect: Timeout has already been entered
# expect: Cannot change state of finished Timeout
# expect: Timeout has already been entered
# expect: Cannot change state of expired Timeout
