# set and dict operators
a = {1, 2, 3}
b = {3, 4}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(a ^ b))
f = frozenset({1, 2})
print(type(f | {5}).__name__, type({5} | f).__name__, sorted(f & {2}), f - f)
print({"a": 1} | {"b": 2}, {"a": 1, "b": 2} | {"a": 3})
for g in (lambda: {1} | [2], lambda: {1} - 1, lambda: {"a": 1} | [("b", 2)]):
    try:
        print(g())
    except TypeError as e:
        print("TypeError:", e)
# expect: [1, 2, 3, 4] [3] [1, 2] [1, 2, 4]
# expect: frozenset set [2] frozenset()
# expect: {'a': 1, 'b': 2} {'a': 3, 'b': 2}
# expect: TypeError: unsupported operand type(s) for |: 'set' and 'list'
# expect: TypeError: unsupported operand type(s) for -: 'set' and 'int'
# expect: TypeError: unsupported operand type(s) for |: 'dict' and 'list'
