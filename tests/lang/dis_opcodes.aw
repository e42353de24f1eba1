# aw-only: the disassembly format (CPython's layout, aw's opcodes and superinstructions).
import dis

async def f(x):
    return await x

def g(a, b=1):
    for i in a:
        if i > b:
            break
    return i

dis.dis(f)
dis.dis(g)
# expect:   4           0 GEN_START                1 (coroutine)
# expect:
# expect:   5           2 LOAD_FAST                0 (x)
# expect:               4 GET_AWAITABLE            0
# expect:               6 LOAD_CONST               0 (None)
# expect:         >>    8 SEND                     7 (to 14)
# expect:              10 YIELD_VALUE              1
# expect:              12 JUMP                     4 (to 8)
# expect:         >>   14 RETURN_VALUE
# expect:   8           0 LOAD_FAST                0 (a)
# expect:               2 GET_ITER
# expect:         >>    4 FOR_ITER                11 (to 22)
# expect:               6 STORE_FAST               2 (i)
# expect:
# expect:   9           8 FAST_FAST_CMP_JUMP       2
# expect:              10 LOAD_FAST                1 (b)
# expect:              12 COMPARE_OP               4 (>)
# expect:              14 POP_JUMP_IF_FALSE       10 (to 20)
# expect:
# expect:  10          16 POP_ITER
# expect:              18 JUMP                    11 (to 22)
# expect:
# expect:   8     >>   20 JUMP                     2 (to 4)
# expect:
# expect:  11     >>   22 LOAD_FAST                2 (i)
# expect:              24 RETURN_VALUE
