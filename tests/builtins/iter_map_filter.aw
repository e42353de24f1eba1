# map with one and several iterables; filter with a function and None.
def check(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
print(list(map(str, [1, 2])), list(map(lambda a, b: a * b, [1, 2, 3], [4, 5])), list(map(abs, [])))
print(list(filter(lambda x: x % 2, range(7))), list(filter(None, [0, 1, "", "a", None, [], [0]])))
m = map(len, ["ab", "c"])
print(type(m).__name__, next(m), next(m), next(m, "done"))
check(lambda: map(str))
check(lambda: list(map(int, ["1", "x"])))
check(lambda: filter(None, 5))
f = filter(str.isdigit, "a1b2")
print(type(f).__name__, "".join(f))
# expect: ['1', '2'] [4, 10] []
# expect: [1, 3, 5] [1, 'a', [0]]
# expect: map 2 1 done
# expect: TypeError map() must have at least two arguments.
# expect: ValueError invalid literal for int() with base 10: 'x'
# expect: TypeError 'int' object is not iterable
# expect: filter 12
