# aw-only: top-level await in a script that never imports asyncio; its failure is reported once, no crash.
async def ticks():
    yield 1
    yield 2

async def total():
    return sum([t async for t in ticks()])

print(await total())
gen = ticks()
print(await gen.__anext__())
print(missing_name)  # expect runtime error: NameError: name 'missing_name' is not defined
# expect: 3
# expect: 1
