# ==/!= ignore order; | |= merge (3.9); errors.
def check(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
a = {"x": 1, "y": 2}
b = {"y": 2, "x": 1}
print(a == b, a != b, a == {"x": 1}, a == {"x": 1, "y": 3}, {1: 1} == {1.0: 1.0}, a == [("x", 1)])
print(a | {"z": 3}, {"x": 0} | a)
c = a
c |= {"w": 9}
c |= [("v", 8)]
print(a, c is a)
check(lambda: a | 1)
check(lambda: a < b)
check(lambda: hash(a))
# expect: True False False False True False
# expect: {'x': 1, 'y': 2, 'z': 3} {'x': 1, 'y': 2}
# expect: {'x': 1, 'y': 2, 'w': 9, 'v': 8} True
# expect: TypeError unsupported operand type(s) for |: 'dict' and 'int'
# expect: TypeError '<' not supported between instances of 'dict' and 'dict'
# expect: TypeError unhashable type: 'dict'
