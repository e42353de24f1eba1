# Mutating the list from a key function is detected.
def check(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
a = [3, 1, 2]
def key(x):
    a.append(x)
    return x
check(lambda: a.sort(key=key))
print(a)
# expect: ValueError list modified during sort
# expect: [1, 2, 3]
