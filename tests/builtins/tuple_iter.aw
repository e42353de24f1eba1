# Iterating tuples; reversed() on a tuple.
t = (1, "a", None)
for x in t:
    print(x)
it = iter(t)
print(type(it).__name__, next(it), list(it))
print(list(reversed(t)), type(reversed(t)).__name__)
a, b, c = t
print(a, b, c)
# expect: 1
# expect: a
# expect: None
# expect: tuple_iterator 1 ['a', None]
# expect: [None, 'a', 1] reversed
# expect: 1 a None
