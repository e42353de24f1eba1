# frozensets are hashable (order-independent); sets are not.
def check(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
print(hash(frozenset([1, 2])) == hash(frozenset([2, 1])))
d = {frozenset([1, 2]): "x"}
print(d[frozenset([2, 1])], frozenset([1, 2]) in {frozenset([2, 1])})
check(lambda: hash({1}))
check(lambda: {{1}: 2})
s = {frozenset([1]), frozenset([1])}
print(len(s))
# expect: True
# expect: x True
# expect: TypeError unhashable type: 'set'
# expect: TypeError unhashable type: 'set'
# expect: 1
