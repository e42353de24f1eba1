# get, setdefault, pop, popitem, update, copy, clear, fromkeys.
def check(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
d = {"a": 1, "b": 2}
print(d.get("a"), d.get("z"), d.get("z", 0))
print(d.setdefault("a", 9), d.setdefault("c"), d.setdefault("e", 5), d)
print(d.pop("a"), d.pop("zz", "dflt"), d)
check(lambda: d.pop("zz"))
print(d.popitem(), d.popitem(), d)
d.update({"x": 1}, y=2)
d.update([("z", 3)])
d.update(w=4)
print(d)
c = d.copy()
c["x"] = 100
print(d["x"], c["x"])
c.clear()
print(c, len(c))
print(dict.fromkeys("ab"), dict.fromkeys([1, 2], 0), {}.fromkeys(range(2), "v"))
check(lambda: {}.popitem())
check(lambda: {}.get())
check(lambda: {}.update({}, {}))
check(lambda: {}.setdefault())
check(lambda: {}.pop())
# expect: 1 None 0
# expect: 1 None 5 {'a': 1, 'b': 2, 'c': None, 'e': 5}
# expect: 1 dflt {'b': 2, 'c': None, 'e': 5}
# expect: KeyError 'zz'
# expect: ('e', 5) ('c', None) {'b': 2}
# expect: {'b': 2, 'x': 1, 'y': 2, 'z': 3, 'w': 4}
# expect: 1 100
# expect: {} 0
# expect: {'a': None, 'b': None} {1: 0, 2: 0} {0: 'v', 1: 'v'}
# expect: KeyError 'popitem(): dictionary is empty'
# expect: TypeError get expected at least 1 argument, got 0
# expect: TypeError update expected at most 1 argument, got 2
# expect: TypeError setdefault expected at least 1 argument, got 0
# expect: TypeError pop expected at least 1 argument, got 0
