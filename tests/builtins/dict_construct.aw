# dict(): from mappings, pairs, keywords, and the conversion errors.
def check(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
print(dict(), dict({"a": 1}), dict([("a", 1), ["b", 2]]), dict(a=1, b=2))
print(dict({"a": 1}, a=2, c=3), dict(zip("xy", (1, 2))), dict(["ab", "cd"]))
check(lambda: dict([1]))
check(lambda: dict([(1, 2, 3)]))
check(lambda: dict(1))
check(lambda: dict({}, {}))
class M:
    def keys(self):
        return ["k1", "k2"]
    def __getitem__(self, k):
        return k.upper()
print(dict(M()))
# expect: {} {'a': 1} {'a': 1, 'b': 2} {'a': 1, 'b': 2}
# expect: {'a': 2, 'c': 3} {'x': 1, 'y': 2} {'a': 'b', 'c': 'd'}
# expect: TypeError cannot convert dictionary update sequence element #0 to a sequence
# expect: ValueError dictionary update sequence element #0 has length 3; 2 is required
# expect: TypeError 'int' object is not iterable
# expect: TypeError dict expected at most 1 argument, got 2
# expect: {'k1': 'K1', 'k2': 'K2'}
