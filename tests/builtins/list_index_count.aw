# index with start/stop and count; the ValueError wording.
def check(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
a = [1, 2, 3, 2, 1, 2.0]
print(a.index(2), a.index(2, 2), a.index(2, -3), a.index(1, 1, 5))
print(a.count(2), a.count(1), a.count(9))
check(lambda: a.index(9))
check(lambda: a.index("x"))
check(lambda: a.index(3, 0, 2))
check(lambda: a.count())
# expect: 1 3 3 4
# expect: 3 2 0
# expect: ValueError 9 is not in list
# expect: ValueError 'x' is not in list
# expect: ValueError 3 is not in list
# expect: TypeError list.count() takes exactly one argument (0 given)
