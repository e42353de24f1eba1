# A finished future's repr abbreviates its result as reprlib.repr does.
import asyncio

class Long:
    def __repr__(self):
        return "L" * 40

async def main():
    loop = asyncio.get_running_loop()
    for v in [list(range(20)), "x" * 50, "é" * 40, "\x00" * 9, {i: str(i) for i in range(10)},
              [[[[[[[[1]]]]]]]], (1,), (1, 2, 3, 4, 5, 6, 7), {3, 1, 2, 9, 8, 7, 6, 5}, frozenset({5, 4}),
              set(), {"b": 1, "a": [0] * 9}, {1, "a"}, [b"y" * 40], Long(), 1.0 / 3]:
        f = loop.create_future()
        f.set_result(v)
        print(f)

asyncio.run(main())
# expect: <Future finished result=[0, 1, 2, 3, 4, 5, ...]>
# expect: <Future finished result='xxxxxxxxxxxx...xxxxxxxxxxxxx'>
# expect: <Future finished result='éééééééééééé...ééééééééééééé'>
# expect: <Future finished result='\x00\x00\x00...0\x00\x00\x00'>
# expect: <Future finished result={0: '0', 1: '1', 2: '2', 3: '3', ...}>
# expect: <Future finished result=[[[[[[[...]]]]]]]>
# expect: <Future finished result=(1,)>
# expect: <Future finished result=(1, 2, 3, 4, 5, 6, ...)>
# expect: <Future finished result={1, 2, 3, 5, 6, 7, ...}>
# expect: <Future finished result=frozenset({4, 5})>
# expect: <Future finished result=set()>
# expect: <Future finished result={'a': [0, 0, 0, 0, 0, 0, ...], 'b': 1}>
# expect: <Future finished result={1, 'a'}>
# expect: <Future finished result=[b'yyyyyyyyyyy...yyyyyyyyyyyyy']>
# expect: <Future finished result=LLLLLLLLLLLLL...LLLLLLLLLLLLLL>
# expect: <Future finished result=0.3333333333333333>
