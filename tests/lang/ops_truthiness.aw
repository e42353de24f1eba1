# truth values: built-ins, __bool__, __len__ fallback, errors
vals = [0, 1, -1, 0.0, -0.0, 0.5, "", "a", b"", b"x", [], [0], (), (0,), {}, {0: 0},
        set(), {0}, range(0), range(1), None, True, False, float("nan")]
print([bool(v) for v in vals])
class T:
    def __bool__(self):
        return False
class L:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
class Both:
    def __bool__(self):
        return True
    def __len__(self):
        return 0
class Nothing:
    pass
print(bool(T()), bool(L(0)), bool(L(3)), bool(Both()), bool(Nothing()), not L(0))
if L(2) and not T():
    print("ok")
class BadBool:
    def __bool__(self):
        return 1
class BadLen:
    def __len__(self):
        return -1
class StrLen:
    def __len__(self):
        return "3"
for o in (BadBool(), BadLen(), StrLen()):
    try:
        print(bool(o))
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
# expect: [False, True, True, False, False, True, False, True, False, True, False, True, False, True, False, True, False, True, False, True, False, True, False, True]
# expect: False False True True True True
# expect: ok
# expect: TypeError: __bool__ should return bool, returned int
# expect: ValueError: __len__() should return >= 0
# expect: TypeError: 'str' object cannot be interpreted as an integer
