# heapq: the heap layout matches CPython's after every operation
import heapq
import random
rng = random.Random(0)
data = [(i * 7919) % 101 for i in range(40)]
h = []
for x in data:
    heapq.heappush(h, x)
print(h)
print([heapq.heappop(h) for _ in range(10)], h)
h2 = data[:]
heapq.heapify(h2)
print(h2)
print(heapq.heapreplace(h2, 50), heapq.heappushpop(h2, 1), heapq.heappushpop(h2, 99), h2[:10])
print(heapq.nsmallest(3, data), heapq.nlargest(3, data), heapq.nlargest(2, ["bb", "a", "ccc"], key=len))
print(list(heapq.merge([1, 4, 7], [2, 5, 8], [0, 9])), list(heapq.merge([3, 1], [2], reverse=True)))
tasks = []
for prio, name in [(3, "c"), (1, "a"), (2, "b"), (1, "a2")]:
    heapq.heappush(tasks, (prio, name))
print([heapq.heappop(tasks) for _ in range(4)])
for call in [lambda: heapq.heappop([]), lambda: heapq.heappush((), 1), lambda: heapq.heapreplace([], 1)]:
    try:
        call()
    except (IndexError, TypeError) as e:
        print(type(e).__name__ + ":", e)
# expect: [0, 2, 3, 6, 12, 15, 18, 25, 9, 22, 53, 47, 34, 37, 28, 59, 40, 31, 21, 72, 66, 63, 94, 82, 75, 88, 56, 97, 44, 78, 69, 85, 100, 50, 81, 91, 62, 41, 43, 84]
# expect: [0, 2, 3, 6, 9, 12, 15, 18, 21, 22] [25, 31, 28, 40, 53, 34, 37, 50, 41, 66, 63, 47, 43, 44, 69, 59, 81, 62, 85, 72, 84, 100, 94, 82, 75, 88, 56, 97, 91, 78]
# expect: [0, 2, 3, 9, 6, 15, 18, 40, 21, 12, 53, 34, 56, 28, 44, 59, 41, 22, 25, 72, 66, 63, 94, 47, 75, 88, 82, 97, 37, 78, 69, 85, 100, 50, 81, 91, 62, 31, 43, 84]
# expect: 0 1 2 [3, 6, 15, 9, 12, 34, 18, 40, 21, 50]
# expect: [0, 2, 3] [100, 97, 94] ['ccc', 'bb']
# expect: [0, 1, 2, 4, 5, 7, 8, 9] [3, 2, 1]
# expect: [(1, 'a'), (1, 'a2'), (2, 'b'), (3, 'c')]
# expect: IndexError: index out of range
# expect: TypeError: heappush() argument 1 must be list, not tuple
# expect: IndexError: index out of range
