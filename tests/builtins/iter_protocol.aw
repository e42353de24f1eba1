# __iter__ and __next__ on the C iterators, StopIteration, exhausted stays exhausted.
def check(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
it = iter([1, 2])
print(it.__iter__() is it, it.__next__(), next(it))
check(lambda: it.__next__())
l = [1]
it2 = iter(l)
print(list(it2))
l.append(2)
print(list(it2))
for name, obj in [("range", range(2)), ("tuple", (1,)), ("dict", {1: 2}), ("set", {1}), ("str", "a")]:
    i = iter(obj)
    print(name, type(i).__name__, iter(i) is i, list(i))
print(list(iter({1: 2}.values())), list(iter({1: 2}.items())))
# expect: True 1 2
# expect: StopIteration 
# expect: [1]
# expect: []
# expect: range range_iterator True [0, 1]
# expect: tuple tuple_iterator True [1]
# expect: dict dict_keyiterator True [1]
# expect: set set_iterator True [1]
# expect: str str_ascii_iterator True ['a']
# expect: [2] [(1, 2)]
