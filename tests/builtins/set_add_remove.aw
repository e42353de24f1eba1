# add, discard, remove, pop, clear, copy.
def check(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
s = {1, 2}
s.add(3)
s.add(2)
print(s, len(s))
s.discard(1)
s.discard(99)
print(s)
s.remove(2)
print(s)
check(lambda: s.remove(99))
print(s.pop(), s)
check(lambda: s.pop())
t = {1, 2, 3}
u = t.copy()
u.add(4)
print(t, u)
t.clear()
print(t, len(t))
check(lambda: t.add([1]))
p = set(range(6))
print(p.pop(), p.pop(), p.pop())
p.add(0)
print(p.pop(), p)
# expect: {1, 2, 3} 3
# expect: {2, 3}
# expect: {3}
# expect: KeyError 99
# expect: 3 set()
# expect: KeyError 'pop from an empty set'
# expect: {1, 2, 3} {1, 2, 3, 4}
# expect: set() 0
# expect: TypeError unhashable type: 'list'
# expect: 0 1 2
# expect: 3 {0, 4, 5}
