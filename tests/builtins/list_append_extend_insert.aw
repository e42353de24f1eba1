# append, extend (any iterable, itself), insert at every kind of index.
def check(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
a = []
a.append(1)
a.append([2])
print(a)
a.extend((3, 4))
a.extend("xy")
a.extend(range(2))
print(a)
b = [1, 2]
b.extend(b)
print(b)
c = [1, 2, 3]
c.insert(0, "a")
c.insert(-1, "b")
c.insert(100, "c")
c.insert(-100, "d")
print(c)
check(lambda: [].append())
check(lambda: [].extend(5))
check(lambda: [].insert(1))
check(lambda: [].insert("x", 1))
# expect: [1, [2]]
# expect: [1, [2], 3, 4, 'x', 'y', 0, 1]
# expect: [1, 2, 1, 2]
# expect: ['d', 'a', 1, 2, 'b', 3, 'c']
# expect: TypeError list.append() takes exactly one argument (0 given)
# expect: TypeError 'int' object is not iterable
# expect: TypeError insert expected 2 arguments, got 1
# expect: TypeError 'str' object cannot be interpreted as an integer
