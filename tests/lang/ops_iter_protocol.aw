# iteration: __iter__/__next__, the __getitem__ sequence protocol, errors
class Count:
    def __init__(self, n):
        self.n = n
        self.i = 0
    def __iter__(self):
        return self
    def __next__(self):
        if self.i >= self.n:
            raise StopIteration
        self.i += 1
        return self.i
print(list(Count(3)), [x * 2 for x in Count(2)], sum(Count(4)))
class Seq:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError(i)
        return "s%d" % i
print(list(Seq()), "s1" in Seq(), "zz" in Seq())
it = iter(Seq())
print(next(it), next(it), next(it), next(it, "done"))
class Wrap:
    def __init__(self, items):
        self.items = items
    def __iter__(self):
        return iter(self.items)
print(list(Wrap((1, 2))), tuple(Wrap("ab")), set(Wrap([1, 1])))
for x in {"a": 1, "b": 2}:
    print(x, end=" ")
for x in range(3, 0, -1):
    print(x, end=" ")
for x in "hé":
    print(x, end=" ")
for x in b"AB":
    print(x, end=" ")
print()
class BadIter:
    def __iter__(self):
        return 5
class NoNext:
    pass
for f in (lambda: iter(5), lambda: iter(BadIter()), lambda: next(NoNext()), lambda: list(NoNext()), lambda: next([1])):
    try:
        print(f())
    except TypeError as e:
        print("TypeError:", e)
# expect: [1, 2, 3] [2, 4] 10
# expect: ['s0', 's1', 's2'] True False
# expect: s0 s1 s2 done
# expect: [1, 2] ('a', 'b') {1}
# expect: a b 3 2 1 h é 65 66 
# expect: TypeError: 'int' object is not iterable
# expect: TypeError: iter() returned non-iterator of type 'int'
# expect: TypeError: 'NoNext' object is not an iterator
# expect: TypeError: 'NoNext' object is not iterable
# expect: TypeError: 'list' object is not an iterator
