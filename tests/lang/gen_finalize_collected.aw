# A suspended generator nobody refers to any more is closed by the next
# collection at the latest (CPython: at once). aw's gc.collect() runs at
# the next safepoint (a call of a script function).
import gc


def gen(name):
    try:
        yield 1
    finally:
        print("closed", name)


def nop():
    pass


def make():
    g = gen("local")
    next(g)


make()
gc.collect()
nop()  # a safepoint: the collection runs here
print("after collect")
g = gen("global")
next(g)
g = None
gc.collect()
nop()  # a safepoint: the collection runs here
print("end")
# expect: closed local
# expect: after collect
# expect: closed global
# expect: end
