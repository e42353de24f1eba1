# itertools.product, permutations, combinations, combinations_with_replacement
from itertools import product, permutations, combinations, combinations_with_replacement
print(list(product("ab", [1, 2])), list(product([0, 1], repeat=2)), list(product()), list(product([], [1])))
print(len(list(product(range(3), repeat=3))))
print(list(permutations([1, 2, 3])), list(permutations("abc", 2)))
print(list(permutations([], 0)), list(permutations([1], 2)), list(permutations(range(3), 0)))
print(list(combinations("abcd", 2)), list(combinations(range(4), 3)), list(combinations([1], 2)), list(combinations([], 0)))
print(list(combinations_with_replacement("ab", 2)), list(combinations_with_replacement([], 1)), list(combinations_with_replacement("abc", 1)))
for call in [lambda: combinations([1], -1), lambda: permutations([1], -2), lambda: product([1], repeat=-1)]:
    try:
        call()
    except ValueError as e:
        print("ValueError:", e)
# expect: [('a', 1), ('a', 2), ('b', 1), ('b', 2)] [(0, 0), (0, 1), (1, 0), (1, 1)] [()] []
# expect: 27
# expect: [(1, 2, 3), (1, 3, 2), (2, 1, 3), (2, 3, 1), (3, 1, 2), (3, 2, 1)] [('a', 'b'), ('a', 'c'), ('b', 'a'), ('b', 'c'), ('c', 'a'), ('c', 'b')]
# expect: [()] [] [()]
# expect: [('a', 'b'), ('a', 'c'), ('a', 'd'), ('b', 'c'), ('b', 'd'), ('c', 'd')] [(0, 1, 2), (0, 1, 3), (0, 2, 3), (1, 2, 3)] [] [()]
# expect: [('a', 'a'), ('a', 'b'), ('b', 'b')] [] [('a',), ('b',), ('c',)]
# expect: ValueError: r must be non-negative
# expect: ValueError: r must be non-negative
# expect: ValueError: repeat argument cannot be negative
