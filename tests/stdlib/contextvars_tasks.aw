# Each asyncio task runs in a copy of the context current when it was created
import asyncio
from contextvars import ContextVar, copy_context
var = ContextVar("var", default="default")
log = []
async def child(name):
    log.append(name + " starts with " + var.get())
    var.set(name)
    await asyncio.sleep(0)
    log.append(name + " ends with " + var.get())
    return var.get()
async def main():
    var.set("main")
    t1 = asyncio.create_task(child("t1"))
    var.set("main2")
    t2 = asyncio.create_task(child("t2"))
    print(await t1, await t2, var.get())
    print(log)
    print(await asyncio.gather(child("g1"), child("g2")), var.get())
    await child("awaited directly")
    print("after direct await:", var.get())
    ctx = copy_context()
    ctx.run(var.set, "in ctx")
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    loop.call_soon(lambda: fut.set_result(var.get()), context=ctx)
    print(await fut, ctx[var], var.get())
    async def spawner():
        var.set("spawner")
        return await asyncio.create_task(child("grandchild"))
    print(await asyncio.create_task(spawner()), var.get())
    tasks = [asyncio.create_task(child("n%d" % i)) for i in range(100)]
    results = await asyncio.gather(*tasks)
    print(results[:3], len(set(results)), var.get())
print(var.get())
asyncio.run(main())
print(var.get())
# expect: default
# expect: t1 t2 main2
# expect: ['t1 starts with main', 't2 starts with main2', 't1 ends with t1', 't2 ends with t2']
# expect: ['g1', 'g2'] main2
# expect: after direct await: awaited directly
# expect: in ctx in ctx awaited directly
# expect: grandchild awaited directly
# expect: ['n0', 'n1', 'n2'] 100 awaited directly
# expect: default
