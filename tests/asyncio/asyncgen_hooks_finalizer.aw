# The finalizer a generator remembered on first use is called when it dies
# unfinished (an async for dropping it, or a collection), instead of
# closing it; without one it is closed synchronously
import gc
import sys


def fin(ag):
    print("finalizer", ag.__name__, ag.ag_running)


async def agen(name):
    try:
        yield 1
        yield 2
    finally:
        print("cleanup", name)


def step(g):
    try:
        g.asend(None).send(None)
    except StopIteration as e:
        return e.value


def nop():
    pass


async def loop_break():
    async for x in agen("loop"):
        break
    print("after loop")


sys.set_asyncgen_hooks(finalizer=fin)
try:
    loop_break().send(None)
except StopIteration:
    pass
g = agen("collected")
print(step(g))
g = None
gc.collect()
nop()
print("after collect")
sys.set_asyncgen_hooks(finalizer=None)
print("the hook is remembered:")
h = agen("old hook")
sys.set_asyncgen_hooks(finalizer=fin)
print(step(h))
sys.set_asyncgen_hooks(finalizer=None)
h = None
gc.collect()
nop()
print("done")
# expect: finalizer agen False
# expect: after loop
# expect: 1
# expect: finalizer agen False
# expect: after collect
# expect: the hook is remembered:
# expect: 1
# expect: finalizer agen False
# expect: done
