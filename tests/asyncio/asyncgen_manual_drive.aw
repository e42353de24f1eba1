# Async generators driven by hand (no event loop): __anext__/asend awaitables finish with StopIteration(value)
async def gen():
    received = yield 1
    print("received", received)
    yield 2
def drive(aw, value=None):
    try:
        aw.send(value)
    except StopIteration as e:
        return e.value
    except StopAsyncIteration:
        return "StopAsyncIteration"
ag = gen()
print(type(ag).__name__, ag.__aiter__() is ag, hasattr(ag, "send"), hasattr(ag, "__next__"))
a = ag.__anext__()
print(type(a).__name__, a.__await__() is a, iter(a) is a)
print(drive(a))
print(drive(ag.asend("hello")))
print(drive(ag.__anext__()))
print(drive(ag.asend(None)))
try:
    a.send(None)
except RuntimeError as e:
    print(type(e).__name__, e)
c = gen().__anext__()
try:
    next(c)
except StopIteration as e:
    print("next ->", e.value)
try:
    gen().asend("x").send(None)
except TypeError as e:
    print(type(e).__name__, e)
# expect: async_generator True False False
# expect: async_generator_asend True True
# expect: 1
# expect: received hello
# expect: 2
# expect: StopAsyncIteration
# expect: StopAsyncIteration
# expect: RuntimeError cannot reuse already awaited __anext__()/asend()
# expect: next -> 1
# expect: TypeError can't send non-None value to a just-started async generator
