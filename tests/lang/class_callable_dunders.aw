# __call__, __len__/__bool__, __contains__, __iter__ and __repr__ on user classes
class Adder:
    def __init__(self, n):
        self.n = n
    def __call__(self, x, *, twice=False):
        return (x + self.n) * (2 if twice else 1)
    def __repr__(self):
        return f"Adder({self.n})"
a = Adder(3)
print(a(1), a(1, twice=True), callable(a), repr(a), [a])
class Bag:
    def __init__(self, *items):
        self.items = list(items)
    def __len__(self):
        return len(self.items)
    def __contains__(self, x):
        return x in self.items
    def __iter__(self):
        return iter(self.items)
b = Bag(1, 2, 3)
print(len(b), 2 in b, 5 in b, list(b), bool(b), bool(Bag()))
print(sum(b), max(b), sorted(b, reverse=True))
# expect: 4 8 True Adder(3) [Adder(3)]
# expect: 3 True False [1, 2, 3] True False
# expect: 6 3 [3, 2, 1]
