# collections.deque: both ends, maxlen, rotate, indexing, search
from collections import deque
d = deque([1, 2, 3])
d.append(4)
d.appendleft(0)
print(d, len(d), d[0], d[-1], list(d), list(reversed(d)))
print(d.pop(), d.popleft(), d)
d.extend([7, 8])
d.extendleft("ab")
print(d)
d.rotate(2)
print(d)
d.rotate(-3)
print(d)
d.reverse()
print(d, d.count(7), 8 in d, "z" in d, d.index(7))
d.remove(7)
d[0] = "first"
del d[1]
print(d, bool(d), bool(deque()))
m = deque(maxlen=3)
for i in range(6):
    m.append(i)
print(m, m.maxlen)
m.appendleft(-1)
print(m)
print(deque("abc") == deque("abc"), deque([1]) == deque([2]), deque(range(3)).copy())
d.clear()
print(d, len(d))
for call in [lambda: deque().pop(), lambda: deque().popleft(), lambda: deque([1])[5], lambda: deque([1]).remove(2),
             lambda: deque([1]).index(2), lambda: deque(maxlen=-1)]:
    try:
        call()
    except (IndexError, ValueError) as e:
        print(type(e).__name__ + ":", e)
q = deque()
for i in range(1000):
    q.append(i)
total = 0
while q:
    total += q.popleft()
print(total)
# expect: deque([0, 1, 2, 3, 4]) 5 0 4 [0, 1, 2, 3, 4] [4, 3, 2, 1, 0]
# expect: 4 0 deque([1, 2, 3])
# expect: deque(['b', 'a', 1, 2, 3, 7, 8])
# expect: deque([7, 8, 'b', 'a', 1, 2, 3])
# expect: deque(['a', 1, 2, 3, 7, 8, 'b'])
# expect: deque(['b', 8, 7, 3, 2, 1, 'a']) 1 True False 2
# expect: deque(['first', 3, 2, 1, 'a']) True False
# expect: deque([3, 4, 5], maxlen=3) 3
# expect: deque([-1, 3, 4], maxlen=3)
# expect: True False deque([0, 1, 2])
# expect: deque([]) 0
# expect: IndexError: pop from an empty deque
# expect: IndexError: pop from an empty deque
# expect: IndexError: deque index out of range
# expect: ValueError: 2 is not in deque
# expect: ValueError: 2 is not in deque
# expect: ValueError: maxlen must be non-negative
# expect: 499500
