# loop.shutdown_asyncgens reports a generator whose closing fails to the
# loop's exception handler, with the generator
import asyncio

gens = []


async def agen(fail):
    try:
        yield 1
    finally:
        print("closing", fail)
        if fail:
            raise ValueError("bad close")


def handler(loop, ctx):
    print("handler:", ctx["message"].split(" <")[0])
    print("exception:", repr(ctx["exception"]))
    print("asyncgen:", type(ctx["asyncgen"]).__name__, ctx["asyncgen"].__name__)


async def main():
    asyncio.get_running_loop().set_exception_handler(handler)
    g = agen(True)
    gens.append(g)
    await g.__anext__()
    print("end main")


asyncio.run(main())
print("done")
# expect: end main
# expect: closing True
# expect: handler: an error occurred during closing of asynchronous generator
# expect: exception: ValueError('bad close')
# expect: asyncgen: async_generator agen
# expect: done
