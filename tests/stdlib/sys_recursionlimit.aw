# sys.setrecursionlimit / getrecursionlimit
import sys
old = sys.getrecursionlimit()
sys.setrecursionlimit(500)
print(sys.getrecursionlimit())
sys.setrecursionlimit(old)
print(sys.getrecursionlimit() == old)
for bad in [0, -5]:
    try:
        sys.setrecursionlimit(bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    sys.setrecursionlimit("a")
except TypeError as e:
    print("TypeError:", e)
# expect: 500
# expect: True
# expect: ValueError: recursion limit must be greater or equal than 1
# expect: ValueError: recursion limit must be greater or equal than 1
# expect: TypeError: 'str' object cannot be interpreted as an integer
