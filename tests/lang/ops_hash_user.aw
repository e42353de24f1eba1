# hash of user classes: __hash__, __eq__ without __hash__ is unhashable
class Key:
    def __init__(self, k):
        self.k = k
    def __eq__(self, other):
        return isinstance(other, Key) and self.k == other.k
    def __hash__(self):
        return hash(self.k)
d = {Key("a"): 1}
print(d[Key("a")], Key("a") in d, Key("b") in d)

class M:
    def __hash__(self):
        return -1
print(hash(M()))

class EqOnly:
    def __eq__(self, other):
        return True
class Child(EqOnly):
    pass
class Rehash(EqOnly):
    def __hash__(self):
        return 7
class NoHash:
    __hash__ = None
class Plain:
    pass
for cls in (EqOnly, Child, NoHash):
    try:
        hash(cls())
    except TypeError as e:
        print("TypeError:", e)
print(hash(Rehash()))
p = Plain()
print(hash(p) == hash(p), {p: 1}[p])
class Bad:
    def __hash__(self):
        return "x"
try:
    hash(Bad())
except TypeError as e:
    print("TypeError:", e)
print(hash(True), hash(Plain) == hash(Plain))
# expect: 1 True False
# expect: -2
# expect: TypeError: unhashable type: 'EqOnly'
# expect: TypeError: unhashable type: 'Child'
# expect: TypeError: unhashable type: 'NoHash'
# expect: 7
# expect: True 1
# expect: TypeError: __hash__ method should return an integer
# expect: 1 True
