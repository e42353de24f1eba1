# Async generator error cases: StopIteration/StopAsyncIteration escaping, bad arguments, reuse of awaitables
async def raises_stop():
    raise StopIteration(5)
    yield
async def raises_stop_async():
    raise StopAsyncIteration
    yield
def run(aw):
    try:
        aw.send(None)
    except StopIteration as e:
        return "done " + repr(e.value)
    except BaseException as e:
        cause = e.__cause__
        return type(e).__name__ + ": " + str(e) + ("" if cause is None else " (from " + type(cause).__name__ + ")")
print(run(raises_stop().__anext__()))
print(run(raises_stop_async().__anext__()))
async def one():
    yield 1
g = one()
def attempt(fn):
    try:
        fn()
        print("no error")
    except TypeError as e:
        print(type(e).__name__ + ":", e)
attempt(lambda: g.asend())
attempt(lambda: g.asend(1, 2))
attempt(lambda: g.aclose(1))
attempt(lambda: g.__anext__().send(1, 2))
attempt(lambda: g.__anext__().throw())
print(run(g.__anext__()))
a = g.__anext__()
print(run(a))
print(run(a))
a = g.__anext__()
print(a.close(), run(a))
print(g.ag_running, g.ag_code.co_name, g.ag_await, g.ag_frame)
try:
    raise_ = one().athrow(ValueError("direct"))
    raise_.throw(KeyError("replaced"))
except KeyError as e:
    print("KeyError", e)
# expect: RuntimeError: async generator raised StopIteration (from StopIteration)
# expect: RuntimeError: async generator raised StopAsyncIteration (from StopAsyncIteration)
# expect: TypeError: async_generator.asend() takes exactly one argument (0 given)
# expect: TypeError: async_generator.asend() takes exactly one argument (2 given)
# expect: TypeError: async_generator.aclose() takes no arguments (1 given)
# expect: TypeError: async_generator_asend.send() takes exactly one argument (2 given)
# expect: TypeError: throw expected at least 1 argument, got 0
# expect: done 1
# expect: StopAsyncIteration: 
# expect: RuntimeError: cannot reuse already awaited __anext__()/asend()
# expect: None RuntimeError: cannot reuse already awaited __anext__()/asend()
# expect: False one None None
# expect: KeyError 'replaced'
