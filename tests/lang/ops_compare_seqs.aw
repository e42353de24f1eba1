# lexicographic comparison of lists, tuples, str and bytes; set ordering
print([1, 2] < [1, 3], [1, 2] < [1, 2, 0], [] < [0], [2] > [1, 9], [1, 2] == [1, 2])
print((1, "a") < (1, "b"), (1, 2) <= (1, 2), (3,) >= (2, 9), () == (), (1,) != (1,))
print("abc" < "abd", "ab" < "abc", "b" > "abc", "é" > "z", "" == "")
print(b"ab" < b"b", b"abc" >= b"abc", b"" < b"\x00")
print({1, 2} < {1, 2, 3}, {1, 2} <= {1, 2}, {1, 2} < {1, 2}, {1, 4} > {1}, {1} >= {2})
print({1, 2} == frozenset({2, 1}), [1, 2] == (1, 2), "1" == 1, None == 0)
print([[1, 2], [3]] < [[1, 2], [4]], [1, [2, 3]] == [1, [2, 3]])
print({"a": 1, "b": [2]} == {"b": [2], "a": 1}, {"a": 1} == {"a": 2}, {1: 2} != {1: 2})
print(range(0, 3) == range(0, 3, 1), range(0) == range(5, 2), range(1, 2) == range(1, 3, 5))
for f in (lambda: [1] < (1,), lambda: {} < {}, lambda: None < None, lambda: "a" < 1, lambda: [1, "a"] < [1, 2]):
    try:
        print(f())
    except TypeError as e:
        print("TypeError:", e)
# expect: True True True True True
# expect: True True True True False
# expect: True True True True True
# expect: True True True
# expect: True True False True False
# expect: True False False False
# expect: True True
# expect: True False False
# expect: True True True
# expect: TypeError: '<' not supported between instances of 'list' and 'tuple'
# expect: TypeError: '<' not supported between instances of 'dict' and 'dict'
# expect: TypeError: '<' not supported between instances of 'NoneType' and 'NoneType'
# expect: TypeError: '<' not supported between instances of 'str' and 'int'
# expect: TypeError: '<' not supported between instances of 'str' and 'int'
