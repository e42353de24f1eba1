# list(): empty, from iterables of every kind, and argument errors.
def check(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
print(list())
print(list([1, 2]), list((3, 4)), list("ab"), list(range(3)))
print(list({"x": 1, "y": 2}), sorted(list({3, 1, 2})))
print(list(x * x for x in range(4)))
check(lambda: list(1))
check(lambda: list([1], [2]))
a = [1, 2]
b = list(a)
b.append(3)
print(a, b, a is b)
# expect: []
# expect: [1, 2] [3, 4] ['a', 'b'] [0, 1, 2]
# expect: ['x', 'y'] [1, 2, 3]
# expect: [0, 1, 4, 9]
# expect: TypeError 'int' object is not iterable
# expect: TypeError list expected at most 1 argument, got 2
# expect: [1, 2] [1, 2, 3] False
