# Types that are C types in CPython are named "module.name" in messages,
# and deque/defaultdict instances take no new attributes.
import asyncio
import collections
import contextvars


def show(f):
    try:
        f()
    except (AttributeError, TypeError) as e:
        print(type(e).__name__, e)


d = collections.deque([1])
dd = collections.defaultdict(int)
show(lambda: d.nosuch)
show(lambda: setattr(d, "foo", 1))
show(lambda: setattr(dd, "foo", 1))
show(lambda: hash(d))
show(lambda: collections.OrderedDict().nosuch)
show(lambda: contextvars.copy_context().nosuch)
show(lambda: contextvars.ContextVar("v").nosuch)
c = collections.Counter()
c.note = "counters take attributes"
print(c.note)


class MyDeque(collections.deque):
    pass


m = MyDeque()
m.tag = "subclass instances take attributes"
print(m.tag)


async def main():
    show(lambda: asyncio.current_task().nosuch)
    show(lambda: asyncio.get_running_loop().create_future().nosuch)


asyncio.run(main())
# expect: AttributeError 'collections.deque' object has no attribute 'nosuch'
# expect: AttributeError 'collections.deque' object has no attribute 'foo'
# expect: AttributeError 'collections.defaultdict' object has no attribute 'foo'
# expect: TypeError unhashable type: 'collections.deque'
# expect: AttributeError 'collections.OrderedDict' object has no attribute 'nosuch'
# expect: AttributeError '_contextvars.Context' object has no attribute 'nosuch'
# expect: AttributeError '_contextvars.ContextVar' object has no attribute 'nosuch'
# expect: counters take attributes
# expect: subclass instances take attributes
# expect: AttributeError '_asyncio.Task' object has no attribute 'nosuch'
# expect: AttributeError '_asyncio.Future' object has no attribute 'nosuch'
