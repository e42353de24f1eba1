# global declarations, module names read from functions, and builtins.
g = 10
def setg():
    global g
    g = 20
    def inner():
        return g
    return inner()
print(setg(), g)

def newglobal():
    global created
    created = "made"
newglobal()
print(created)

def reads():
    return len(str(g))
print(reads())

counter = 0
def bump():
    global counter
    counter += 1
for _ in range(3):
    bump()
print(counter)

def shadow_builtin():
    len = lambda x: 42
    return len([1])
print(shadow_builtin(), len([1]))

def del_global():
    global tmp
    tmp = 1
    del tmp
del_global()
print("tmp" in globals())
# expect: 20 20
# expect: made
# expect: 2
# expect: 3
# expect: 42 1
# expect: False
