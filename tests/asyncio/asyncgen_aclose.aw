# async_generator.aclose: GeneratorExit at the yield, finally blocks run, a yield during close is an error
async def counter():
    try:
        yield 1
        yield 2
    finally:
        print("finally runs")
def run(aw):
    try:
        aw.send(None)
    except StopIteration as e:
        return "done " + repr(e.value)
    except BaseException as e:
        return type(e).__name__ + ": " + str(e)
g = counter()
print(run(g.__anext__()))
print(run(g.aclose()))
print(run(g.aclose()))
print(run(g.__anext__()), g.ag_frame)
print(run(counter().aclose()))
async def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield "refuse"
    yield "continues"
s = stubborn()
print(run(s.__anext__()))
print(run(s.aclose()))
print(run(s.__anext__()))
print(run(s.athrow(ValueError)))
print(run(s.aclose()))
class Pause:
    def __await__(self):
        yield "cleanup pause"
async def slow_close():
    try:
        yield 1
    finally:
        await Pause()
        print("cleaned up")
sc = slow_close()
run(sc.__anext__())
c = sc.aclose()
print(c.send(None))
print(run(c))
try:
    c.send(None)
except RuntimeError as e:
    print(type(e).__name__, e)
# expect: done 1
# expect: finally runs
# expect: done None
# expect: done None
# expect: StopAsyncIteration:  None
# expect: done None
# expect: done 1
# expect: RuntimeError: async generator ignored GeneratorExit
# expect: done 'continues'
# expect: StopAsyncIteration: 
# expect: StopAsyncIteration: 
# expect: cleanup pause
# expect: cleaned up
# expect: done None
# expect: RuntimeError cannot reuse already awaited aclose()/athrow()
