# inspect: generator and coroutine states
import inspect
def gen():
    print(inspect.getgeneratorstate(g))
    yield 1
g = gen()
print(inspect.getgeneratorstate(g))
next(g)
print(inspect.getgeneratorstate(g))
g.close()
print(inspect.getgeneratorstate(g))
async def coro():
    return 1
c = coro()
print(inspect.getcoroutinestate(c))
try:
    c.send(None)
except StopIteration as e:
    print("returned", e.value)
print(inspect.getcoroutinestate(c))
c2 = coro()
c2.close()
print(inspect.getcoroutinestate(c2))
for call in [lambda: inspect.getgeneratorstate(1), lambda: inspect.getcoroutinestate(gen())]:
    try:
        call()
    except AttributeError as e:
        print("AttributeError:", e)
# expect: GEN_CREATED
# expect: GEN_RUNNING
# expect: GEN_SUSPENDED
# expect: GEN_CLOSED
# expect: CORO_CREATED
# expect: returned 1
# expect: CORO_CLOSED
# expect: CORO_CLOSED
# expect: AttributeError: 'int' object has no attribute 'gi_running'
# expect: AttributeError: 'generator' object has no attribute 'cr_running'
