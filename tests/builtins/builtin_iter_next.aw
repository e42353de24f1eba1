# iter() and next() with default, and iter(callable, sentinel)
it = iter([1, 2])
print(next(it), next(it), next(it, "done"), next(it, None))
try:
    next(it)
except StopIteration as e:
    print("StopIteration", e.args)
def gen():
    yield 1
    return 99
g = gen()
next(g)
try:
    next(g)
except StopIteration as e:
    print("StopIteration value", e.value)
n = [0]
def counter():
    n[0] += 1
    return n[0]
print(list(iter(counter, 4)))
class It:
    def __init__(self): self.i = 0
    def __iter__(self): return self
    def __next__(self):
        self.i += 1
        if self.i > 3: raise StopIteration
        return self.i
print(list(It()), next(It()))
for call in [lambda: next(5), lambda: iter(5), lambda: iter(1, 2), lambda: next([1])]:
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)
# expect: 1 2 done None
# expect: StopIteration ()
# expect: StopIteration value 99
# expect: [1, 2, 3]
# expect: [1, 2, 3] 1
# expect: TypeError: 'int' object is not an iterator
# expect: TypeError: 'int' object is not iterable
# expect: TypeError: iter(v, w): v must be callable
# expect: TypeError: 'list' object is not an iterator
