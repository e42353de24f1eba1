# __getitem__/__setitem__/__delitem__ on user classes, __index__ keys
class Grid:
    def __init__(self):
        self.d = {}
    def __getitem__(self, key):
        return self.d.get(key, "empty %r" % (key,))
    def __setitem__(self, key, value):
        self.d[key] = value
    def __delitem__(self, key):
        print("del", key)
        del self.d[key]
g = Grid()
g[1, 2] = "x"
print(g[1, 2], g[0], g["k"])
del g[1, 2]
print(g[1, 2])
class I:
    def __index__(self):
        return 1
print([5, 6, 7][I()], "abc"[I()], (1, 2)[I()], range(3)[I()])
l = [0, 0]
l[I()] = 9
print(l)
class RO:
    def __getitem__(self, k):
        return k
try:
    r = RO()
    r[0] = 1
except TypeError as e:
    print("TypeError:", e)
try:
    del RO()[0]
except TypeError as e:
    print("TypeError:", e)
class Nope:
    pass
try:
    Nope()[0]
except TypeError as e:
    print("TypeError:", e)
# expect: x empty 0 empty 'k'
# expect: del (1, 2)
# expect: empty (1, 2)
# expect: 6 b 2 1
# expect: [0, 9]
# expect: TypeError: 'RO' object does not support item assignment
# expect: TypeError: 'RO' object doesn't support item deletion
# expect: TypeError: 'Nope' object is not subscriptable
