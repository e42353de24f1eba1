# collections.Counter
from collections import Counter
c = Counter("abracadabra")
print(c, c["a"], c["z"], len(c))
print(c.most_common(2), c.most_common()[:3], sorted(c.elements())[:6])
c.update("aaz")
c.subtract({"b": 1})
print(c["a"], c["b"], c["z"], c.total())
print(Counter(a=3, b=1), Counter({"x": 2}), Counter())
print(Counter("ab") + Counter("bc"), Counter("aab") - Counter("ab"), Counter("ab") == Counter("ba"))
words = "the cat the dog the end".split()
print(Counter(words).most_common(1))
# expect: Counter({'a': 5, 'b': 2, 'r': 2, 'c': 1, 'd': 1}) 5 0 5
# expect: [('a', 5), ('b', 2)] [('a', 5), ('b', 2), ('r', 2)] ['a', 'a', 'a', 'a', 'a', 'b']
# expect: 7 1 1 13
# expect: Counter({'a': 3, 'b': 1}) Counter({'x': 2}) Counter()
# expect: Counter({'b': 2, 'a': 1, 'c': 1}) Counter({'a': 1}) True
# expect: [('the', 3)]
