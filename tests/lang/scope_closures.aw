# Closures: cells, free variables through intermediate scopes, nonlocal,
# late binding, default-argument capture.
def counter():
    n = 0
    def inc(by=1):
        nonlocal n
        n += by
        return n
    return inc
c = counter()
c()
c()
print(c(5))

def outer():
    x = 1
    def mid():
        def inner():
            return x
        return inner
    x = 2
    return mid()()
print(outer())

def make_adders():
    return [lambda y, i=i: y + i for i in range(3)]
print([f(10) for f in make_adders()])

def late():
    fs = [lambda: i for i in range(3)]
    return [f() for f in fs]
print(late())

def deep():
    a = 1
    def l1():
        def l2():
            def l3():
                nonlocal a
                a += 1
                return a
            return l3()
        return l2()
    l1()
    return a
print(deep())

def param_cell(p):
    def get():
        return p
    p = p * 2
    return get()
print(param_cell(21))

def shadow():
    v = "outer"
    def inner():
        v = "inner"
        return v
    return inner(), v
print(shadow())

def ub():
    try:
        print(q)
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
    q = 1
ub()

def free_unbound():
    def inner():
        return later
    try:
        inner()
    except NameError as e:
        print("NameError:", e)
    later = 1
    return inner()
print(free_unbound())

def delname():
    z = 5
    del z
    try:
        z
    except UnboundLocalError as e:
        print("deleted:", e)
delname()
# expect: 7
# expect: 2
# expect: [10, 11, 12]
# expect: [2, 2, 2]
# expect: 2
# expect: 42
# expect: ('inner', 'outer')
# expect: UnboundLocalError: cannot access local variable 'q' where it is not associated with a value
# expect: NameError: cannot access free variable 'later' where it is not associated with a value in enclosing scope
# expect: 1
# expect: deleted: cannot access local variable 'z' where it is not associated with a value
