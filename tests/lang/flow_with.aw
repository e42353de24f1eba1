# with statements: several items nest, __exit__ sees the exception and can
# suppress it, break/continue/return run __exit__.
class CM:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print("enter", self.name)
        return self.name
    def __exit__(self, t, v, tb):
        print("exit", self.name, t.__name__ if t else None)
        return self.suppress

def w1():
    with CM("a") as a, CM("b") as b:
        print("body", a, b)
        return a + b
print(w1())

def w2():
    for i in range(3):
        with CM("loop%d" % i):
            if i == 1:
                continue
            if i == 2:
                break
            print("in", i)
    return "done"
print(w2())

def w3():
    with CM("s", True):
        raise ValueError("suppressed")
    return "after"
print(w3())

def w4():
    try:
        with CM("r"):
            raise KeyError("k")
    except KeyError as e:
        return "propagated " + repr(e)
print(w4())

def w5():
    with CM("outer"):
        try:
            with CM("inner", True):
                1 / 0
            print("inner suppressed")
        finally:
            print("finally")
w5()

class Target:
    pass
t = Target()
with CM("attr") as t.value:
    print("stored", t.value)
with CM("tuple") as (first, *rest):
    print(first, rest)
# expect: enter a
# expect: enter b
# expect: body a b
# expect: exit b None
# expect: exit a None
# expect: ab
# expect: enter loop0
# expect: in 0
# expect: exit loop0 None
# expect: enter loop1
# expect: exit loop1 None
# expect: enter loop2
# expect: exit loop2 None
# expect: done
# expect: enter s
# expect: exit s ValueError
# expect: after
# expect: enter r
# expect: exit r KeyError
# expect: propagated KeyError('k')
# expect: enter outer
# expect: enter inner
# expect: exit inner ZeroDivisionError
# expect: inner suppressed
# expect: finally
# expect: exit outer None
# expect: enter attr
# expect: stored attr
# expect: exit attr None
# expect: enter tuple
# expect: t ['u', 'p', 'l', 'e']
# expect: exit tuple None
