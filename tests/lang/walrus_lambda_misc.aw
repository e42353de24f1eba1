# walrus, lambda defaults, conditional expressions, chained assignment, del and assert
data = [3, 8, 1, 9]
if (n := len(data)) > 3:
    print("long", n)
squares = [y for x in data if (y := x * x) > 5]
print(squares, y)
fs = [lambda i=i: i * 10 for i in range(3)]
print([f() for f in fs])
a = b = c = 7
print(a, b, c)
x = "big" if a > 5 else "small"
print(x)
del a
try:
    print(a)
except NameError as e:
    print("NameError:", e)
try:
    assert b < 0, "b must be negative"
except AssertionError as e:
    print("AssertionError:", e)
items = [1, 2, 3, 4]
del items[1:3]
print(items)
# expect: long 4
# expect: [9, 64, 81] 81
# expect: [0, 10, 20]
# expect: 7 7 7
# expect: big
# expect: NameError: name 'a' is not defined
# expect: AssertionError: b must be negative
# expect: [1, 4]
