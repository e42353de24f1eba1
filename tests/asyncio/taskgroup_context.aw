# TaskGroup.create_task(context=...) runs the child in the given context.
import asyncio
import contextvars

var = contextvars.ContextVar('var', default='default')

async def show(tag):
    print(tag, var.get())
    var.set('changed by ' + tag)

async def main():
    var.set('main')
    ctx = contextvars.copy_context()
    var.set('main later')
    async with asyncio.TaskGroup() as tg:
        tg.create_task(show('copied'))
        tg.create_task(show('explicit'), context=ctx)
    print(var.get(), ctx[var])

asyncio.run(main())
# expect: copied main later
# expect: explicit main
# expect: main later changed by explicit
