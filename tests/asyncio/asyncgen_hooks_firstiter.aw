# firstiter is called once, with the generator, on its first __anext__ /
# asend / athrow / aclose (not when it is created); its error propagates
# from that call, and the hooks are not looked up again
import sys


def first(ag):
    print("firstiter", type(ag).__name__, ag.__name__)


sys.set_asyncgen_hooks(firstiter=first)


async def agen():
    yield 1


def run(aw):
    try:
        aw.send(None)
    except StopIteration as e:
        return e.value
    except StopAsyncIteration:
        return "StopAsyncIteration"


g = agen()
print("created")
a = g.__anext__()
print("anext made")
print(run(a))
print(run(g.__anext__()))
print(run(agen().asend(None)))
print(run(agen().aclose()))
try:
    agen().athrow(ValueError)
    print("athrow made")
except ValueError:
    print("not raised yet")


def bad_first(ag):
    raise ValueError("no first")


sys.set_asyncgen_hooks(firstiter=bad_first)
g2 = agen()
try:
    g2.__anext__()
except ValueError as e:
    print("ValueError:", e)
print(run(g2.__anext__()))
sys.set_asyncgen_hooks(None, None)
# expect: created
# expect: firstiter async_generator agen
# expect: anext made
# expect: 1
# expect: StopAsyncIteration
# expect: firstiter async_generator agen
# expect: 1
# expect: firstiter async_generator agen
# expect: None
# expect: firstiter async_generator agen
# expect: athrow made
# expect: ValueError: no first
# expect: 1
