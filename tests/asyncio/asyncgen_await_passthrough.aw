# An await inside an async generator passes the awaited object's yields through the asend awaitable
class Future:
    def __init__(self, name):
        self.name = name
    def __await__(self):
        result = yield "waiting on " + self.name
        return result
async def gen():
    x = await Future("a")
    yield "first " + str(x)
    y = await Future("b")
    yield "second " + str(y)
def step(aw, value=None):
    try:
        return "yielded " + repr(aw.send(value))
    except StopIteration as e:
        return "done " + repr(e.value)
    except StopAsyncIteration:
        return "StopAsyncIteration"
ag = gen()
a = ag.__anext__()
print(step(a))
print(ag.ag_running, type(ag.ag_await).__name__)
try:
    ag.__anext__().send(None)
except RuntimeError as e:
    print(type(e).__name__, e)
print(step(a, 10))
print(ag.ag_running, ag.ag_await)
b = ag.__anext__()
print(step(b), step(b, 20))
print(step(ag.__anext__()))
class Throwing:
    def __await__(self):
        try:
            yield "paused"
        except KeyError as e:
            return "handled " + repr(e)
async def gen2():
    v = await Throwing()
    yield v
g2 = gen2()
c = g2.__anext__()
print(step(c))
try:
    c.throw(KeyError("k"))
except StopIteration as e:
    print("throw finished:", e.value)
# expect: yielded 'waiting on a'
# expect: True generator
# expect: RuntimeError anext(): asynchronous generator is already running
# expect: done 'first 10'
# expect: False None
# expect: yielded 'waiting on b' done 'second 20'
# expect: StopAsyncIteration
# expect: yielded 'paused'
# expect: throw finished: handled KeyError('k')
