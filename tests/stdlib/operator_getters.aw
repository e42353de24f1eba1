# operator.itemgetter, attrgetter, methodcaller
from operator import itemgetter, attrgetter, methodcaller
data = [("b", 2), ("a", 3), ("c", 1)]
print(sorted(data, key=itemgetter(1)), itemgetter(0)(data), itemgetter(0, 1)("xyz"), itemgetter("k")({"k": 5}))
class P:
    def __init__(self, name, inner=None):
        self.name = name
        self.inner = inner
ps = [P("zed"), P("amy")]
print([p.name for p in sorted(ps, key=attrgetter("name"))], attrgetter("inner.name")(P("o", P("i"))), attrgetter("name", "inner")(P("n")))
print(methodcaller("upper")("abc"), methodcaller("split", ",")("a,b"), methodcaller("replace", "a", "b", 1)("aaa"), methodcaller("split", maxsplit=1)("a b c"))
print(itemgetter(1), attrgetter("x"))
try:
    attrgetter("nope")(P("x"))
except AttributeError as e:
    print("AttributeError:", e)
# expect: [('c', 1), ('b', 2), ('a', 3)] ('b', 2) ('x', 'y') 5
# expect: ['amy', 'zed'] i ('n', None)
# expect: ABC ['a', 'b'] baa ['a', 'b c']
# expect: operator.itemgetter(1) operator.attrgetter('x')
# expect: AttributeError: 'P' object has no attribute 'nope'
