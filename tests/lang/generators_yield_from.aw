# Generators: send, return values through StopIteration and yield from,
# throw and close propagating into delegated generators, genexps.
def g():
    x = yield 1
    print("got", x)
    y = yield x * 2
    return y
it = g()
print(next(it))
print(it.send(5))
try:
    it.send("end")
except StopIteration as e:
    print("stop", e.value)

def inner():
    r = yield "i1"
    yield "i2:" + str(r)
    return "inner-ret"
def outer():
    v = yield from inner()
    print("outer got", v)
    yield from [10, 20]
    yield from range(2)
o = outer()
print(next(o), o.send("S"), next(o), next(o), next(o), next(o))
try:
    next(o)
except StopIteration:
    print("done")

def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(10)])

def thrower():
    try:
        yield 1
    except ValueError as e:
        print("caught in gen", e)
        yield 2
    yield 3
t = thrower()
print(next(t), t.throw(ValueError("boom")), next(t))

def deleg():
    try:
        yield from thrower()
    finally:
        print("deleg finally")
d = deleg()
print(next(d), d.throw(ValueError("x")))
d.close()
print(list(i * i for i in range(4) if i != 2))
def gen_lambda():
    return (lambda: (yield 5))()
print(list(gen_lambda()))
def yield_in_loop_try():
    for i in range(3):
        try:
            yield i
        finally:
            print("fin", i)
print(list(yield_in_loop_try()))
def yield_expr_value():
    results = []
    while True:
        v = yield len(results)
        if v is None:
            return results
        results.append(v)
ye = yield_expr_value()
next(ye)
ye.send("a")
ye.send("b")
try:
    ye.send(None)
except StopIteration as e:
    print(e.value)
# expect: 1
# expect: got 5
# expect: 10
# expect: stop end
# expect: outer got inner-ret
# expect: i1 i2:S 10 20 0 1
# expect: done
# expect: [0, 1, 1, 2, 3, 5, 8, 13, 21, 34]
# expect: caught in gen boom
# expect: 1 2 3
# expect: caught in gen x
# expect: 1 2
# expect: deleg finally
# expect: [0, 1, 9]
# expect: [5]
# expect: fin 0
# expect: fin 1
# expect: fin 2
# expect: [0, 1, 2]
# expect: ['a', 'b']
