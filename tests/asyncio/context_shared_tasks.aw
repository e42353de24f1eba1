# Each task runs in a copy of the context it was created in, even when
# many tasks are created from one unchanged context (aw shares one object
# among them until someone writes).
import asyncio
import contextvars

var = contextvars.ContextVar("var", default="unset")
other = contextvars.ContextVar("other")


async def reader(name, ev):
    first = var.get()
    await ev.wait()
    return f"{name}:{first}->{var.get()}"


async def writer(name, value, ev):
    before = var.get()
    var.set(value)
    await asyncio.sleep(0)
    mid = var.get()
    await ev.wait()
    return f"{name}:{before}->{mid}->{var.get()}"


async def spawner(ev):
    var.set("spawner")
    inner = [asyncio.create_task(reader(f"inner{i}", ev)) for i in range(2)]
    var.set("spawner2")
    return await asyncio.gather(*inner)


def in_thread():
    seen = var.get()
    var.set("thread")
    return seen, var.get()


async def main():
    ev = asyncio.Event()
    var.set("main")
    ts = [asyncio.create_task(reader(f"r{i}", ev)) for i in range(3)]
    ws = [asyncio.create_task(writer(f"w{i}", f"v{i}", ev)) for i in range(2)]
    sp = asyncio.create_task(spawner(ev))
    var.set("main2")
    late = asyncio.create_task(reader("late", ev))
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print(var.get())
    ev.set()
    for r in await asyncio.gather(*ts, *ws, sp, late):
        print(r)
    print(var.get())

    # a copied context run by hand keeps what is written inside it
    ctx = contextvars.copy_context()
    ctx.run(var.set, "in ctx")
    print(ctx[var], var.get())

    # a context given explicitly is the task's own
    ctx2 = contextvars.copy_context()
    async def set_it():
        var.set("explicit")
        return var.get()
    print(await asyncio.create_task(set_it(), context=ctx2), ctx2[var], var.get())

    # callbacks run in a copy of the context current when they were added
    fut = asyncio.get_running_loop().create_future()
    fut.add_done_callback(lambda f: print("callback sees", var.get()))
    var.set("main3")
    asyncio.get_running_loop().call_soon(lambda: print("call_soon sees", var.get()))
    fut.set_result(None)
    await asyncio.sleep(0)

    # a worker thread gets a copy too
    print(await asyncio.to_thread(in_thread), var.get())

    # tokens
    tok = other.set(1)
    t = asyncio.create_task(asyncio.sleep(0))
    other.reset(tok)
    print(other.get("reset"))
    await t

    async def reset_elsewhere(token):
        try:
            other.reset(token)
        except ValueError as e:
            print("ValueError", "different Context" in str(e))
    tok2 = other.set(2)
    await asyncio.create_task(reset_elsewhere(tok2))
    print(other.get())


tok0 = var.set("top")
asyncio.run(main())
print(var.get())
var.reset(tok0)
print(var.get())
asyncio.run(main())
# expect: main2
# expect: r0:main->main
# expect: r1:main->main
# expect: r2:main->main
# expect: w0:main->v0->v0
# expect: w1:main->v1->v1
# expect: ['inner0:spawner->spawner', 'inner1:spawner->spawner']
# expect: late:main2->main2
# expect: main2
# expect: in ctx main2
# expect: explicit explicit main2
# expect: call_soon sees main3
# expect: callback sees main2
# expect: ('main3', 'thread') main3
# expect: reset
# expect: ValueError True
# expect: 2
# expect: top
# expect: unset
# expect: main2
# expect: r0:main->main
# expect: r1:main->main
# expect: r2:main->main
# expect: w0:main->v0->v0
# expect: w1:main->v1->v1
# expect: ['inner0:spawner->spawner', 'inner1:spawner->spawner']
# expect: late:main2->main2
# expect: main2
# expect: in ctx main2
# expect: explicit explicit main2
# expect: call_soon sees main3
# expect: callback sees main2
# expect: ('main3', 'thread') main3
# expect: reset
# expect: ValueError True
# expect: 2
