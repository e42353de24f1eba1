# Event: every waiter wakes on set(); wait() on a set event returns at once.
import asyncio

async def waiter(ev, name):
    print('waiting', name)
    print(name, await ev.wait())

async def main():
    ev = asyncio.Event()
    print(ev.is_set())
    tasks = [asyncio.create_task(waiter(ev, n)) for n in 'ab']
    await asyncio.sleep(0)
    ev.set()
    print(ev.is_set())
    await asyncio.gather(*tasks)
    print(await ev.wait())
    ev.clear()
    print(ev.is_set())
    ev.set()
    ev.set()
    print(ev.is_set())

asyncio.run(main())
# expect: False
# expect: waiting a
# expect: waiting b
# expect: True
# expect: a True
# expect: b True
# expect: True
# expect: False
# expect: True
