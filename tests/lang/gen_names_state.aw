# Generators and coroutines keep their names, exception state and
# creation stacks compactly; all of it still reads and writes as in CPython.
import asyncio
import sys


def gen():
    try:
        raise ValueError("inside")
    except ValueError:
        yield sys.exc_info()[0].__name__
        yield sys.exc_info()[0].__name__
    yield sys.exc_info()[0]


async def coro():
    return 1


class K:
    def method(self):
        yield 1


g = gen()
print(g.__name__, g.__qualname__, K().method().__qualname__)
g.__name__ = "renamed"
g.__qualname__ = "Q.renamed"
print(g.__name__, g.__qualname__, repr(g).startswith("<generator object Q.renamed at"))
for bad in (1, None):
    try:
        g.__name__ = bad
    except TypeError as e:
        print(e)
    try:
        g.__qualname__ = bad
    except TypeError as e:
        print(e)
print(next(g), sys.exc_info()[0])
try:
    raise KeyError("outer")
except KeyError:
    print(next(g), sys.exc_info()[0].__name__)
print(next(g), sys.exc_info()[0])

c = coro()
c.__qualname__ = "renamed_coro"
print(repr(c).startswith("<coroutine object renamed_coro at"), c.cr_origin)
print(asyncio.run(c))


def named():
    yield 1


before = named()
named.__name__ = "changed"
named.__qualname__ = "Q.changed"
after = named()
print(before.__name__, before.__qualname__, after.__name__, after.__qualname__)
named.__name__ = "again"
print(before.__name__, after.__name__)
# expect: gen gen K.method
# expect: renamed Q.renamed True
# expect: __name__ must be set to a string object
# expect: __qualname__ must be set to a string object
# expect: __name__ must be set to a string object
# expect: __qualname__ must be set to a string object
# expect: ValueError None
# expect: ValueError KeyError
# expect: None None
# expect: True None
# expect: 1
# expect: named named changed Q.changed
# expect: named changed
