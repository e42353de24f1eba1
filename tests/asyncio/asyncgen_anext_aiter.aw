# Builtins aiter() and anext(), with and without a default
async def gen():
    yield "a"
    yield "b"
def run(aw):
    try:
        aw.send(None)
    except StopIteration as e:
        return e.value
    except BaseException as e:
        return type(e).__name__ + ": " + str(e)
g = gen()
print(aiter(g) is g)
print(run(anext(g)), run(anext(g, "default")), run(anext(g, "default")), run(anext(g)))
aw = anext(gen(), None)
print(type(aw).__name__, aw.__await__() is aw)
print(run(aw))
class Counter:
    def __init__(self):
        self.n = 0
    def __aiter__(self):
        return self
    async def __anext__(self):
        self.n += 1
        if self.n > 2:
            raise StopAsyncIteration
        return self.n
c = Counter()
print(run(anext(c, "end")), run(anext(c, "end")), run(anext(c, "end")), run(anext(c)))
class BadAiter:
    def __aiter__(self):
        return 1
for fn in (lambda: aiter(1), lambda: aiter(BadAiter()), lambda: anext(1), lambda: anext(gen(), 1, 2)):
    try:
        fn()
    except TypeError as e:
        print(type(e).__name__ + ":", e)
class NotAwaitable:
    def __anext__(self):
        return 5
print(run(anext(NotAwaitable(), 0)))
# expect: True
# expect: a b default StopAsyncIteration: 
# expect: anext_awaitable True
# expect: a
# expect: 1 2 end StopAsyncIteration: 
# expect: TypeError: 'int' object is not an async iterable
# expect: TypeError: aiter() returned not an async iterator of type 'int'
# expect: TypeError: 'int' object is not an async iterator
# expect: TypeError: anext expected at most 2 arguments, got 3
# expect: TypeError: object int can't be used in 'await' expression
