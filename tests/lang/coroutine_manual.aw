# Coroutines driven by hand: await on __await__ iterators, async for over
# __aiter__/__anext__, async with, async comprehensions, return values.
class Fut:
    def __await__(self):
        v = yield "suspend"
        return v
async def inner(x):
    r = await Fut()
    return x + r
async def main():
    a = await inner(1)
    b = await inner(10)
    return a + b
c = main()
print(c.send(None))
print(c.send(100))
try:
    c.send(1000)
except StopIteration as e:
    print("result", e.value)

class AIter:
    def __init__(self, n):
        self.i = 0
        self.n = n
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        await Fut()
        return self.i
class ACM:
    async def __aenter__(self):
        print("aenter")
        await Fut()
        return "cm"
    async def __aexit__(self, t, v, tb):
        print("aexit", t.__name__ if t else None)
        return True
async def main2():
    out = []
    async for v in AIter(3):
        out.append(v)
    else:
        out.append("else")
    async with ACM() as cm:
        out.append(cm)
        raise ValueError
    lst = [x async for x in AIter(2)]
    out.append(lst)
    return out
def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value
print(run(main2()))
async def brk():
    n = 0
    async for v in AIter(10):
        if v == 3:
            break
        n += v
    async with ACM():
        return n
print(run(brk()))
async def simple():
    return 1
co = simple()
print(type(co).__name__)
print(run(co))
# expect: suspend
# expect: suspend
# expect: result 1111
# expect: aenter
# expect: aexit ValueError
# expect: [1, 2, 3, 'else', 'cm', [1, 2]]
# expect: aenter
# expect: aexit None
# expect: 3
# expect: coroutine
# expect: 1
