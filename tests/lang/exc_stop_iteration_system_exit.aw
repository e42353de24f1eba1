# StopIteration.value and SystemExit.code
print(StopIteration().value, StopIteration(1).value, StopIteration(1, 2).value)
s = StopIteration(5)
s.value = 6
print(s.value, s.args)
print(StopAsyncIteration("x").args)
print(SystemExit().code, SystemExit(3).code, SystemExit("bye").code, SystemExit(1, 2).code)
try:
    raise SystemExit(4)
except SystemExit as e:
    print("caught", e.code, repr(e))
def gen():
    yield 1
    return "done"
g = gen()
next(g)
try:
    next(g)
except StopIteration as e:
    print("returned", e.value, e.args)
print(isinstance(SystemExit(), Exception), isinstance(KeyboardInterrupt(), BaseException))
# expect: None 1 1
# expect: 6 (5,)
# expect: ('x',)
# expect: None 3 bye (1, 2)
# expect: caught 4 SystemExit(4)
# expect: returned done ('done',)
# expect: False True
