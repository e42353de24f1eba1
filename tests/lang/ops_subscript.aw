# subscripts of built-ins: indexing, negative indexes, errors
l = [10, 20, 30]
t = (1, 2, 3)
s = "héllo"
b = b"abc"
r = range(0, 10, 2)
print(l[0], l[-1], t[1], t[-3], s[1], s[-1], b[0], b[-1], r[2], r[-1], l[True])
d = {"a": 1, (1, 2): "t", 1: "one"}
print(d["a"], d[1, 2], d[1.0], d[True])
l[1] = 99
l[-1] = "z"
del l[0]
print(l)
d["new"] = 5
del d["a"]
print(d)
def t_(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__ + ":", e)
t_(lambda: l[5])
t_(lambda: t[3])
t_(lambda: s[10])
t_(lambda: b[-4])
t_(lambda: r[5])
t_(lambda: d["missing"])
t_(lambda: d[[1]])
t_(lambda: 5[0])
t_(lambda: None[0])
k = "x"
t_(lambda: l[k])
t_(lambda: t[k])
t_(lambda: s[k])
t_(lambda: b[k])
t_(lambda: r[k])
t_(lambda: s[1.5])
def setit(o, k, v):
    o[k] = v
def delit(o, k):
    del o[k]
t_(lambda: setit(l, 7, 0))
t_(lambda: setit(t, 0, 0))
t_(lambda: setit(s, 0, "x"))
t_(lambda: setit(l, "a", 0))
t_(lambda: delit(l, 9))
t_(lambda: delit(t, 0))
t_(lambda: delit(d, "nope"))
t_(lambda: delit(5, 0))
# expect: 10 30 2 1 é o 97 99 4 8 20
# expect: 1 t one one
# expect: [99, 'z']
# expect: {(1, 2): 't', 1: 'one', 'new': 5}
# expect: IndexError: list index out of range
# expect: IndexError: tuple index out of range
# expect: IndexError: string index out of range
# expect: IndexError: index out of range
# expect: IndexError: range object index out of range
# expect: KeyError: 'missing'
# expect: TypeError: unhashable type: 'list'
# expect: TypeError: 'int' object is not subscriptable
# expect: TypeError: 'NoneType' object is not subscriptable
# expect: TypeError: list indices must be integers or slices, not str
# expect: TypeError: tuple indices must be integers or slices, not str
# expect: TypeError: string indices must be integers, not 'str'
# expect: TypeError: byte indices must be integers or slices, not str
# expect: TypeError: range indices must be integers or slices, not str
# expect: TypeError: string indices must be integers, not 'float'
# expect: IndexError: list assignment index out of range
# expect: TypeError: 'tuple' object does not support item assignment
# expect: TypeError: 'str' object does not support item assignment
# expect: TypeError: list indices must be integers or slices, not str
# expect: IndexError: list assignment index out of range
# expect: TypeError: 'tuple' object doesn't support item deletion
# expect: KeyError: 'nope'
# expect: TypeError: 'int' object does not support item deletion
