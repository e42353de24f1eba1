# A pending future's repr lists its done callbacks: one, two, or first, count, last.
import asyncio

class Watcher:
    def seen(self, fut):
        pass

async def main():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    f.add_done_callback(print)
    print(f)
    f.add_done_callback(Watcher().seen)
    print(f)

    async def waiter():
        await f
    t = asyncio.create_task(waiter())
    await asyncio.sleep(0)
    print(f)
    f.add_done_callback(print)
    print(f)
    f.remove_done_callback(print)
    print(f)
    f.set_result(None)
    print(f)
    await t

asyncio.run(main())
# expect: <Future pending cb=[print()]>
# expect: <Future pending cb=[print(), Watcher.seen()]>
# expect: <Future pending cb=[print(), <1 more>, Task.task_wakeup()]>
# expect: <Future pending cb=[print(), <2 more>, print()]>
# expect: <Future pending cb=[Watcher.seen(), Task.task_wakeup()]>
# expect: <Future finished result=None>
