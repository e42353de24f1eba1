# While it runs, the event loop's own asyncgen hooks are installed; the
# previous ones come back when it stops (even ones the script set inside)
import asyncio
import sys


def mine(ag):
    pass


async def main():
    h = sys.get_asyncgen_hooks()
    loop = asyncio.get_running_loop()
    print(h.firstiter.__name__, h.finalizer.__name__)
    print(h.firstiter.__self__ is loop, h.finalizer.__self__ is loop)
    print(h.firstiter.__qualname__, h.finalizer.__qualname__)
    sys.set_asyncgen_hooks(firstiter=mine)
    print(sys.get_asyncgen_hooks().firstiter is mine)


sys.set_asyncgen_hooks(finalizer=print)
asyncio.run(main())
print(sys.get_asyncgen_hooks())
sys.set_asyncgen_hooks(None, None)
# expect: _asyncgen_firstiter_hook _asyncgen_finalizer_hook
# expect: True True
# expect: BaseEventLoop._asyncgen_firstiter_hook BaseEventLoop._asyncgen_finalizer_hook
# expect: True
# expect: asyncgen_hooks(firstiter=None, finalizer=<built-in function print>)
