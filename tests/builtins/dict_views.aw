# keys/values/items views: live, len, in, reversed, iteration.
def check(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
d = {"a": 1, "b": 2}
k, v, i = d.keys(), d.values(), d.items()
print(k, v, i)
d["c"] = 3
print(list(k), list(v), list(i), len(k), len(v), len(i))
print("a" in k, 1 in v, ("a", 1) in i, ("a", 2) in i, (1, []) in i, "z" in k)
print(list(reversed(k)), list(reversed(v)), list(reversed(i)), list(reversed(d)))
print(type(k).__name__, type(iter(k)).__name__, type(iter(v)).__name__, type(iter(i)).__name__)
check(lambda: next(k))
check(lambda: hash(k))
for key, val in d.items():
    print(key, val)
# expect: dict_keys(['a', 'b']) dict_values([1, 2]) dict_items([('a', 1), ('b', 2)])
# expect: ['a', 'b', 'c'] [1, 2, 3] [('a', 1), ('b', 2), ('c', 3)] 3 3 3
# expect: True True True False False False
# expect: ['c', 'b', 'a'] [3, 2, 1] [('c', 3), ('b', 2), ('a', 1)] ['c', 'b', 'a']
# expect: dict_keys dict_keyiterator dict_valueiterator dict_itemiterator
# expect: TypeError 'dict_keys' object is not an iterator
# expect: TypeError unhashable type: 'dict_keys'
# expect: a 1
# expect: b 2
# expect: c 3
