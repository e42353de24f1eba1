# Assignment forms: chained, tuple/list unpacking with a starred target,
# nested targets, augmented assignment evaluating the target once, del.
a, *b, c = range(6)
print(a, b, c)
*x, = "abc"
print(x)
(p, q), r = (1, 2), 3
print(p, q, r)
[s, [t, *u]] = [1, [2, 3, 4]]
print(s, t, u)
head, *tail = [1]
print(head, tail)
i = j = k = [0]
print(i is j is k)
d = {}
d["a"] = d["b"] = 5
print(d)
a, b = b, a
print(a, b)
for idx, (ch, *more) in enumerate(["ab", "c"]):
    print(idx, ch, more)

class Obj:
    def __init__(self):
        self.n = 0
        self.calls = 0
o = Obj()
def get():
    o.calls += 1
    return o
get().n += 5
print(o.n, o.calls)
lst = [1, 2, 3]
cnt = 0
def idx1():
    global cnt
    cnt += 1
    return 1
lst[idx1()] += 10
lst[idx1()] *= 2
print(lst, cnt)
v = 10
v -= 3
v *= 2
v //= 3
v **= 2
v %= 7
v <<= 2
v >>= 1
v |= 1
v &= 7
v ^= 2
print(v)
lst2 = [1]
lst2 += [2]
alias = lst2
alias += [3]
print(lst2, alias is lst2)
tup = (1,)
orig = tup
tup += (2,)
print(tup, orig)
m = [1, 2, 3, 4]
del m[0], m[-1]
print(m)
class D:
    pass
dd = D()
dd.v = 1
del dd.v
print(hasattr(dd, "v"))
x: int = 5
y: list
print(x)
try:
    a1, b1 = [1, 2, 3]
except ValueError as e:
    print(e)
try:
    a1, b1, c1 = [1]
except ValueError as e:
    print(e)
# expect: 0 [1, 2, 3, 4] 5
# expect: ['a', 'b', 'c']
# expect: 1 2 3
# expect: 1 2 [3, 4]
# expect: 1 []
# expect: True
# expect: {'a': 5, 'b': 5}
# expect: [1, 2, 3, 4] 0
# expect: 0 a ['b']
# expect: 1 c []
# expect: 5 1
# expect: [1, 24, 3] 2
# expect: 7
# expect: [1, 2, 3] True
# expect: (1, 2) (1,)
# expect: [2, 3]
# expect: False
# expect: 5
# expect: too many values to unpack (expected 2)
# expect: not enough values to unpack (expected 3, got 1)
