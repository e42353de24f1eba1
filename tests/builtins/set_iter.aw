# Iterating a set; changing its size while iterating.
def check(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
s = {3, 1, 2}
for x in s:
    print(x)
it = iter(s)
print(type(it).__name__, sorted(it))
def grow():
    for x in s:
        s.add(x + 100)
check(grow)
# expect: 1
# expect: 2
# expect: 3
# expect: set_iterator [1, 2, 3]
# expect: RuntimeError Set changed size during iteration
