# hash: numbers agree across int/float/bool, CPython's values for small cases
print(hash(1) == hash(1.0) == hash(True), hash(0) == hash(0.0) == hash(False) == hash(-0.0))
print(hash(-1), hash(-2), hash(12345), hash(2 ** 61), hash(2 ** 61 - 1), hash(-(2 ** 61)))
print(hash(1.5), hash(-1.5), hash(0.1), hash(1e300), hash(float("inf")), hash(float("-inf")))
print(hash(2.0 ** 62) == hash(2 ** 62) == hash(2 ** 62 % (2 ** 61 - 1)))
print(hash(()), hash((1, 2)), hash((1, (2, "x"))) == hash((1, (2, "x"))))
print(hash(range(3)) == hash(range(0, 3, 1)), hash(range(0)) == hash(range(5, 5)))
print(hash("abc") == hash("ab" + "c"), hash(b"ab") == hash(b"a" + b"b"))
print(hash(frozenset({1, 2})) == hash(frozenset({2, 1})))
d = {1: "int"}
d[1.0] = "float"
d[True] = "bool"
print(d)
for v in ([], {}, {1}, slice(1, 2), (1, [2])):
    try:
        hash(v)
    except TypeError as e:
        print("TypeError:", e)
# expect: True True
# expect: -2 -2 12345 1 0 -2
# expect: 1152921504606846977 -1152921504606846977 230584300921369408 1224995262755759164 314159 -314159
# expect: True
# expect: 5740354900026072187 -3550055125485641917 True
# expect: True True
# expect: True True
# expect: True
# expect: {1: 'bool'}
# expect: TypeError: unhashable type: 'list'
# expect: TypeError: unhashable type: 'dict'
# expect: TypeError: unhashable type: 'set'
# expect: TypeError: unhashable type: 'slice'
# expect: TypeError: unhashable type: 'list'
