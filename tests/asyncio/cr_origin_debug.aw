# cr_origin: None outside debug mode; in asyncio debug mode the creation
# stack, innermost first (filename, lineno, function).
import asyncio


async def f():
    return 1


async def main():
    c = f()
    print(c.cr_origin[0][1:])
    print(c.cr_origin[-1][1:])
    c.close()
    print(asyncio.get_running_loop().get_debug())


c = f()
print(c.cr_origin)
c.close()
asyncio.run(main(), debug=True)
# expect: None
# expect: (11, 'main')
# expect: (21, '<module>')
# expect: True
