# Set operations and comparisons on keys and items views.
def check(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
d = {1: "a", 2: "b", 3: "c"}
k = d.keys()
print(k & {1, 2, 9}, k | [4], k - [1], k ^ [1, 5])
print({2, 7} & k, [1, 5] - k, {9} | k, (1, 8) ^ k)
print(d.items() & {(1, "a"), (2, "x")}, d.items() - {(1, "a")} == {(2, "b"), (3, "c")})
print(k == {1, 2, 3}, k != {1, 2}, k == {3: 0, 2: 0, 1: 0}.keys(), k < {1, 2, 3, 4}, k <= {1, 2, 3}, k > {1}, k >= {1, 2, 3, 4})
print(d.values() == d.values(), k.isdisjoint([4, 5]), k.isdisjoint([3]))
check(lambda: k & 1)
# expect: {1, 2} {1, 2, 3, 4} {2, 3} {2, 3, 5}
# expect: {2} {5} {9, 2, 3, 1} {8, 2, 3}
# expect: {(1, 'a')} True
# expect: True True True True True True False
# expect: False True False
# expect: TypeError 'int' object is not iterable
