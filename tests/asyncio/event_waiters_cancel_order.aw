# Tasks parked on an Event leave its waiters whatever order they are
# cancelled in (front, back, middle), and the rest are still woken in order.
import asyncio

woken = []


async def waiter(ev, i):
    try:
        await ev.wait()
        woken.append(i)
    except asyncio.CancelledError:
        pass


def state(ev):
    return repr(ev).split('[')[1].rstrip(']>')


async def main():
    ev = asyncio.Event()
    tasks = [asyncio.create_task(waiter(ev, i)) for i in range(10)]
    await asyncio.sleep(0)
    print(state(ev))
    for i in (9, 8, 0, 5, 3):
        tasks[i].cancel()
        await asyncio.sleep(0)
        print(state(ev))
    ev.set()
    await asyncio.gather(*tasks)
    print(woken, state(ev))
    # Left parked when main returns: asyncio.run cancels them, newest first
    # or not, without scanning the waiters for each.
    ev2 = asyncio.Event()
    for i in range(3000):
        asyncio.create_task(waiter(ev2, i))
    await asyncio.sleep(0)
    print(state(ev2))


asyncio.run(main())
print(len(woken))
# expect: unset, waiters:10
# expect: unset, waiters:9
# expect: unset, waiters:8
# expect: unset, waiters:7
# expect: unset, waiters:6
# expect: unset, waiters:5
# expect: [1, 2, 4, 6, 7] set
# expect: unset, waiters:3000
# expect: 5
