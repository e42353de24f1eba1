# + * comparisons and hashing of tuples.
def check(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
a = (1, 2)
print(a + (3,), a * 2, 2 * a, a * 0, () + ())
check(lambda: a + [3])
check(lambda: a * "x")
print((1, 2) == (1, 2), (1, 2) != (1, 2.0), (1, 2) < (1, 3), (1,) < (1, 0), (2,) > (1, 5), (1, 2) <= (1, 2))
check(lambda: (1,) < ("a",))
print(hash((1, 2)) == hash((1, 2)), hash((1, 2)) == hash((1.0, 2)), hash(()) == hash(()))
check(lambda: hash((1, [2])))
d = {(1, 2): "x", (): "empty", ((1,), 2): "nested"}
print(d[(1, 2)], d[()], d[((1,), 2)], d[(1.0, 2)])
# expect: (1, 2, 3) (1, 2, 1, 2) (1, 2, 1, 2) () ()
# expect: TypeError can only concatenate tuple (not "list") to tuple
# expect: TypeError can't multiply sequence by non-int of type 'str'
# expect: True False True True True True
# expect: TypeError '<' not supported between instances of 'int' and 'str'
# expect: True True True
# expect: TypeError unhashable type: 'list'
# expect: x empty nested x
