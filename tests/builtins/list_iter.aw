# Iteration, reversed(), len(), and iterators seeing appends.
def check(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
a = [1, 2, 3]
it = iter(a)
print(next(it))
a.append(4)
print(list(it))
print(list(reversed(a)), len(a))
r = reversed(a)
print(next(r), type(r).__name__, type(iter(a)).__name__)
print(next(it, "done"))
e = iter([])
check(lambda: next(e))
# expect: 1
# expect: [2, 3, 4]
# expect: [4, 3, 2, 1] 4
# expect: 4 list_reverseiterator list_iterator
# expect: done
# expect: StopIteration 
