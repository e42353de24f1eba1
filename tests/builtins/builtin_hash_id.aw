# hash() and id()
print(hash(1), hash(-1) == hash(-2), hash(True), hash(0.0), hash("a") == hash("a"))
print(hash((1, 2)) == hash((1, 2)), hash(1.0) == hash(1))
a = [1]
print(id(a) == id(a), id(a) != id([1]), id(5) == id(5), id(None) == id(None))
for x in [[], {}, {1}]:
    try:
        hash(x)
    except TypeError as e:
        print("TypeError:", e)
class H:
    def __hash__(self):
        return 42
print(hash(H()))
# expect: 1 True 1 0 True
# expect: True True
# expect: True True True True
# expect: TypeError: unhashable type: 'list'
# expect: TypeError: unhashable type: 'dict'
# expect: TypeError: unhashable type: 'set'
# expect: 42
