# any() and all() short-circuit
print(any([]), all([]), any([0, "", None]), all([1, "a", [0]]), any([0, 2]), all([1, 0]))
def g():
    yield 1
    print("after first")
    yield 0
    print("after second")
print(any(g()))
print(all(g()))
try:
    any(5)
except TypeError as e:
    print("TypeError:", e)
# expect: False True False True True False
# expect: True
# expect: after first
# expect: False
# expect: TypeError: 'int' object is not iterable
