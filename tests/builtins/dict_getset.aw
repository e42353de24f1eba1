# Item get/set/del, KeyError, in, len, and equal-key collisions.
def check(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
d = {}
d["a"] = 1
d[2] = "two"
d[(1, 2)] = "tuple"
d[None] = "none"
print(d, len(d))
print(d["a"], d[2.0], d[(1, 2)], d[None])
d[1] = "int"
d[True] = "bool"
d[1.0] = "float"
print(d[1], len(d), list(d))
del d["a"]
print("a" in d, 2 in d, "zz" not in d)
check(lambda: d["missing"])
check(lambda: d[(1, 3)])
def delete(k):
    del d[k]
check(lambda: delete("missing"))
check(lambda: d[[1]])
check(lambda: [1] in d)
def setit():
    d[{}] = 1
check(setit)
# expect: {'a': 1, 2: 'two', (1, 2): 'tuple', None: 'none'} 4
# expect: 1 two tuple none
# expect: float 5 ['a', 2, (1, 2), None, 1]
# expect: False True True
# expect: KeyError 'missing'
# expect: KeyError (1, 3)
# expect: KeyError 'missing'
# expect: TypeError unhashable type: 'list'
# expect: TypeError unhashable type: 'list'
# expect: TypeError unhashable type: 'dict'
