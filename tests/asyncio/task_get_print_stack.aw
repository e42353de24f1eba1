# Task.get_stack holds only the task's own suspended frame; print_stack writes to file= with the task repr.
import asyncio, os, sys

async def leaf():
    await asyncio.sleep(0.01)

async def mid():
    await leaf()

async def bad():
    raise ValueError("x")

class Out:
    # Writes through with the script's folder left out of its path.
    def write(self, text):
        sys.stdout.write(text.replace(os.getcwd() + "/", ""))

async def main():
    out = Out()
    t = asyncio.create_task(mid(), name="m")
    await asyncio.sleep(0)
    st = t.get_stack()
    print(len(st), [f.f_code.co_name for f in st], t.get_stack(limit=0))
    t.print_stack(file=out)
    await t
    print(t.get_stack())
    t.print_stack(file=out)
    b = asyncio.create_task(bad(), name="b")
    await asyncio.sleep(0)
    b.print_stack(file=out)
    b.exception()

asyncio.run(main())
# expect: 1 ['mid'] []
# expect: Stack for <Task pending name='m' coro=<mid() running at task_get_print_stack.aw:8> wait_for=<Future pending cb=[Task.task_wakeup()]>> (most recent call last):
# expect:   File "task_get_print_stack.aw", line 8, in mid
# expect:     await leaf()
# expect: []
# expect: No stack for <Task finished name='m' coro=<mid() done, defined at task_get_print_stack.aw:7> result=None>
# expect: Traceback for <Task finished name='b' coro=<bad() done, defined at task_get_print_stack.aw:10> exception=ValueError('x')> (most recent call last):
# expect:   File "task_get_print_stack.aw", line 11, in bad
# expect:     raise ValueError("x")
# expect: ValueError: x
