# A generator the program still holds is not closed when a loop over it
# stops: the loop did not make it, so it can be resumed later.
def gen():
    try:
        yield 1
        yield 2
        yield 3
    finally:
        print("closed")


g = gen()
for x in g:
    break
print("after break", x)
print(next(g))
it = gen()
for x in iter(it):
    break
print("still open", next(it))
g.close()
it.close()
print("end")
# expect: after break 1
# expect: 2
# expect: still open 2
# expect: closed
# expect: closed
# expect: end
