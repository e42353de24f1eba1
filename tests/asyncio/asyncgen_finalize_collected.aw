# Without hooks, a suspended async generator that dies is closed
# synchronously: its finally runs (one that awaits there is reported on
# stderr as having ignored GeneratorExit); a never-started one just dies
import gc


class Pause:
    def __await__(self):
        yield "pause"


async def agen(name):
    try:
        yield 1
        yield 2
    finally:
        print("cleanup", name)


async def slow():
    try:
        yield 1
    finally:
        print("slow finally")
        await Pause()
        print("never")


def step(g):
    try:
        g.asend(None).send(None)
    except StopIteration as e:
        return e.value


def nop():
    pass


g = agen("a")
print(step(g))
g = None
gc.collect()
nop()
print("after a")
g = agen("never started")
g = None
gc.collect()
nop()
print("after never started")
s = slow()
print(step(s))
s = None
gc.collect()
nop()
print("after slow")
k = agen("at exit")
print(step(k))
print("end")
# expect: 1
# expect: cleanup a
# expect: after a
# expect: after never started
# expect: 1
# expect: slow finally
# expect: after slow
# expect: 1
# expect: end
# expect: cleanup at exit
