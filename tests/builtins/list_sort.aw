# sort: default, key=, reverse=, stability, errors.
def check(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
a = [3, 1, 2, 5, 4]
a.sort()
print(a)
a.sort(reverse=True)
print(a)
words = ["banana", "Apple", "cherry", "apple", "Banana"]
words.sort(key=str.lower)
print(words)
pairs = [(1, "b"), (0, "a"), (1, "a"), (0, "b")]
pairs.sort(key=lambda p: p[0])
print(pairs)
pairs.sort(key=lambda p: p[0], reverse=True)
print(pairs)
f = [2.5, -1.0, 3, 0]
f.sort()
print(f)
s = ["b", "é", "a", "ab", ""]
s.sort()
print(s)
big = list(range(100, 0, -1))
big.sort()
print(big[:5], big[-3:])
check(lambda: [3, "a", 1].sort())
check(lambda: [1].sort(1))
check(lambda: [1].sort(kex=1))
n = [3, 1, 2]
n.sort(key=None)
print(n)
# expect: [1, 2, 3, 4, 5]
# expect: [5, 4, 3, 2, 1]
# expect: ['Apple', 'apple', 'banana', 'Banana', 'cherry']
# expect: [(0, 'a'), (0, 'b'), (1, 'b'), (1, 'a')]
# expect: [(1, 'b'), (1, 'a'), (0, 'a'), (0, 'b')]
# expect: [-1.0, 0, 2.5, 3]
# expect: ['', 'a', 'ab', 'b', 'é']
# expect: [1, 2, 3, 4, 5] [98, 99, 100]
# expect: TypeError '<' not supported between instances of 'str' and 'int'
# expect: TypeError sort() takes no positional arguments
# expect: TypeError 'kex' is an invalid keyword argument for sort()
# expect: [1, 2, 3]
