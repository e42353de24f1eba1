# Non-number delays fail as in CPython's code: sleep() compares with 0, call_later() adds to time().
import asyncio

async def main():
    for bad in ["1", None]:
        try:
            await asyncio.sleep(bad)
        except TypeError as e:
            print(e)
    try:
        asyncio.get_running_loop().call_later("soon", print)
    except TypeError as e:
        print(e)
    try:
        [x async for x in [1, 2]]
    except TypeError as e:
        print(e)

asyncio.run(main())
# expect: '<=' not supported between instances of 'str' and 'int'
# expect: '<=' not supported between instances of 'NoneType' and 'int'
# expect: unsupported operand type(s) for +: 'float' and 'str'
# expect: 'async for' requires an object with __aiter__ method, got tuple
