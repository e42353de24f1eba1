# collections.OrderedDict
from collections import OrderedDict
od = OrderedDict()
od["b"] = 1
od["a"] = 2
od["c"] = 3
print(od, list(od), list(od.items()))
od.move_to_end("b")
print(list(od))
od.move_to_end("b", last=False)
print(list(od), od.popitem(), od.popitem(last=False), od)
print(OrderedDict(x=1), OrderedDict([("k", "v")]), OrderedDict(), len(OrderedDict(a=1, b=2)))
# expect: OrderedDict([('b', 1), ('a', 2), ('c', 3)]) ['b', 'a', 'c'] [('b', 1), ('a', 2), ('c', 3)]
# expect: ['a', 'c', 'b']
# expect: ['b', 'a', 'c'] ('c', 3) ('b', 1) OrderedDict([('a', 2)])
# expect: OrderedDict([('x', 1)]) OrderedDict([('k', 'v')]) OrderedDict() 2
