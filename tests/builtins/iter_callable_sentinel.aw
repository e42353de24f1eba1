# iter(callable, sentinel) and iteration of __getitem__-only classes.
def check(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
n = [0]
def counter():
    n[0] += 1
    return n[0]
print(list(iter(counter, 4)))
it = iter(counter, 7)
print(type(it).__name__, next(it), next(it), next(it, "stop"))
class G:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return i * i
print(list(G()), 4 in G(), type(iter(G())).__name__)
for x in G():
    print(x)
# expect: [1, 2, 3]
# expect: callable_iterator 5 6 stop
# expect: [0, 1, 4] True iterator
# expect: 0
# expect: 1
# expect: 4
