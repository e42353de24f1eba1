# Changing a dict's size while iterating raises RuntimeError.
def check(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
d = {1: 1, 2: 2}
def grow():
    for k in d:
        d[k + 10] = 0
check(grow)
d = {1: 1, 2: 2}
def shrink():
    for k in d.keys():
        del d[k]
check(shrink)
d = {1: 1, 2: 2}
for k in d:
    d[k] = "changed values are fine"
print(d)
s = {1, 2}
def grow_set():
    for x in s:
        s.add(x + 10)
check(grow_set)
# expect: RuntimeError dictionary changed size during iteration
# expect: RuntimeError dictionary changed size during iteration
# expect: {1: 'changed values are fine', 2: 'changed values are fine'}
# expect: RuntimeError Set changed size during iteration
