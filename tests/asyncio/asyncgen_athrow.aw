# async_generator.athrow: raises at the yield; the generator may handle it and yield again
async def echo():
    value = "start"
    while True:
        try:
            value = yield "echo:" + str(value)
        except ValueError as e:
            value = "recovered from " + str(e)
def run(aw):
    try:
        aw.send(None)
    except StopIteration as e:
        return e.value
    except BaseException as e:
        return type(e).__name__ + ": " + str(e)
e = echo()
print(run(e.asend(None)))
print(run(e.athrow(ValueError("boom"))))
print(run(e.athrow(ValueError, "typed")))
print(run(e.athrow(ValueError, ("tuple arg",))))
print(run(e.athrow(KeyError("k"))))
print(run(e.athrow(ValueError("after end"))))
print(run(e.asend(1)))
async def once():
    yield 1
fresh = once()
print(run(fresh.athrow(ValueError("never started"))))
print(run(fresh.__anext__()))
g = once()
print(run(g.__anext__()))
print(run(g.athrow(1)))
print(run(once().athrow(ValueError("x"), 1)))
print(run(once().athrow()))
t = once()
run(t.__anext__())
aw = t.athrow(ValueError)
try:
    aw.send("x")
except RuntimeError as ex:
    print(type(ex).__name__, ex)
print(run(aw))
try:
    aw.send(None)
except RuntimeError as ex:
    print(type(ex).__name__, ex)
# expect: echo:start
# expect: echo:recovered from boom
# expect: echo:recovered from typed
# expect: echo:recovered from tuple arg
# expect: KeyError: 'k'
# expect: None
# expect: StopAsyncIteration: 
# expect: ValueError: never started
# expect: StopAsyncIteration: 
# expect: 1
# expect: TypeError: exceptions must be classes or instances deriving from BaseException, not int
# expect: TypeError: instance exception may not have a separate value
# expect: TypeError: athrow expected at least 1 argument, got 0
# expect: RuntimeError can't send non-None value to a just-started coroutine
# expect: ValueError: 
# expect: RuntimeError cannot reuse already awaited aclose()/athrow()
