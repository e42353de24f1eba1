# pop (default, index, negative, errors), remove, clear.
def check(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
a = [1, 2, 3, 4, 5]
print(a.pop(), a)
print(a.pop(0), a)
print(a.pop(-2), a)
check(lambda: a.pop(10))
check(lambda: [].pop())
check(lambda: a.pop("1"))
b = [1, 2, 1, 3]
b.remove(1)
print(b)
check(lambda: b.remove(9))
b.clear()
print(b, len(b))
# expect: 5 [1, 2, 3, 4]
# expect: 1 [2, 3, 4]
# expect: 3 [2, 4]
# expect: IndexError pop index out of range
# expect: IndexError pop from empty list
# expect: TypeError 'str' object cannot be interpreted as an integer
# expect: [2, 1, 3]
# expect: ValueError list.remove(x): x not in list
# expect: [] 0
