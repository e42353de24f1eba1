# deeply nested containers raise RecursionError instead of crashing
def nest(n):
    l = []
    for i in range(n):
        l = [l]
    return l
a = nest(100000)
b = nest(100000)
try:
    repr(a)
except RecursionError as e:
    print("RecursionError:", e)
try:
    a == b
except RecursionError as e:
    print("RecursionError:", e)
print(len(repr(nest(50))))
# expect: RecursionError: maximum recursion depth exceeded while getting the repr of an object
# expect: RecursionError: maximum recursion depth exceeded in comparison
# expect: 102
