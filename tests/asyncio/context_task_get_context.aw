# aw-only (Task.get_context() is 3.12's): tasks created together from one
# context each have their own, even while aw shares one object among them.
import asyncio
import contextvars

var = contextvars.ContextVar("var", default=0)


async def work(n):
    ctx = asyncio.current_task().get_context()
    var.set(n)
    await asyncio.sleep(0)
    return ctx.get(var), var.get()


async def idle():
    await asyncio.sleep(0)
    return var.get()


async def main():
    var.set(7)
    a = asyncio.create_task(idle())
    b = asyncio.create_task(idle())
    ca, cb = a.get_context(), b.get_context()
    print(ca is cb, ca.get(var), cb.get(var), ca is a.get_context())
    ca.run(var.set, 8)
    print(await a, await b, var.get())
    ts = [asyncio.create_task(work(i)) for i in (1, 2, 3)]
    print(await asyncio.gather(*ts), var.get())
    print([t.get_context().get(var) for t in ts])


asyncio.run(main())
# expect: False 7 7 True
# expect: 8 7 7
# expect: [(1, 1), (2, 2), (3, 3)] 7
# expect: [1, 2, 3]
