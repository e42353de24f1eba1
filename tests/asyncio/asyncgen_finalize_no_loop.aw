# Without hooks (no event loop), the generator an async for loop drops is
# closed synchronously, right at the break
async def agen():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")


async def main():
    async for x in agen():
        print("got", x)
        break
    print("after loop")
    return "r"


c = main()
try:
    c.send(None)
except StopIteration as e:
    print("stop", e.value)
print("done")
# expect: got 1
# expect: cleanup
# expect: after loop
# expect: stop r
# expect: done
