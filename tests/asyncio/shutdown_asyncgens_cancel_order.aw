# At asyncio.run's end: a generator that main dropped when it returned has
# its aclose() task created in the last iteration, so _cancel_all_tasks
# cancels that task (the generator sees CancelledError); one still
# referenced is closed by shutdown_asyncgens (GeneratorExit)
import asyncio

keep = []


async def agen(name):
    try:
        yield 1
        yield 2
    except BaseException as e:
        print(name, "got", type(e).__name__)
        raise
    finally:
        print(name, "cleanup")


async def main():
    g = agen("dropped")
    print(await g.__anext__())
    k = agen("kept")
    keep.append(k)
    print(await k.__anext__())
    print("end main")


asyncio.run(main())
print("done")
# expect: 1
# expect: 1
# expect: end main
# expect: dropped got CancelledError
# expect: dropped cleanup
# expect: kept got GeneratorExit
# expect: kept cleanup
# expect: done
