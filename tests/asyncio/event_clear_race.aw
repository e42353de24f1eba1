# Waiters woken by set() still return True if clear() comes before they run.
import asyncio

async def main():
    ev = asyncio.Event()
    tasks = [asyncio.create_task(ev.wait()) for _ in range(3)]
    await asyncio.sleep(0)
    ev.set()
    ev.clear()
    print(await asyncio.gather(*tasks), ev.is_set())
    late = asyncio.create_task(ev.wait())
    await asyncio.sleep(0)
    print(late.done())
    ev.set()
    print(await late)

asyncio.run(main())
# expect: [True, True, True] False
# expect: False
# expect: True
