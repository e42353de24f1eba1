# A failing key function or comparison leaves a permutation of the list.
def check(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
def bad(x):
    if x == 3:
        raise ValueError("no 3")
    return x
a = [5, 3, 1]
check(lambda: a.sort(key=bad))
print(sorted(a))
class Weird:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        if self.v == 2 or other.v == 2:
            raise TypeError("cannot compare 2")
        return self.v < other.v
w = [Weird(3), Weird(2), Weird(1)]
check(lambda: w.sort())
print(sorted(x.v for x in w))
# expect: ValueError no 3
# expect: [1, 3, 5]
# expect: TypeError cannot compare 2
# expect: [1, 2, 3]
