# + and * on str, list, tuple, bytes; their error messages
print("ab" + "cd", [1] + [2, 3], (1,) + (2,), b"a" + b"b", "" + "", [] + [])
print("ab" * 3, 2 * "xy", [0] * 3, 2 * [1, 2], (1,) * 2, b"ab" * 2, "a" * 0, [1] * -2, "x" * True)
l = [[]] * 2
l[0].append(1)
print(l)
class I:
    def __index__(self):
        return 2
print("ab" * I(), I() * [1])
for f in (lambda: "a" + 1, lambda: [1] + (1,), lambda: (1,) + [1], lambda: b"a" + "a", lambda: 1 + "a",
          lambda: "a" * "b", lambda: [1] * 1.5, lambda: 2.0 * "a", lambda: [1] * [2], lambda: None + None,
          lambda: {} + {}, lambda: {1} + {2}):
    try:
        print(f())
    except TypeError as e:
        print("TypeError:", e)
# expect: abcd [1, 2, 3] (1, 2) b'ab'  []
# expect: ababab xyxy [0, 0, 0] [1, 2, 1, 2] (1, 1) b'abab'  [] x
# expect: [[1], [1]]
# expect: abab [1, 1]
# expect: TypeError: can only concatenate str (not "int") to str
# expect: TypeError: can only concatenate list (not "tuple") to list
# expect: TypeError: can only concatenate tuple (not "list") to tuple
# expect: TypeError: can't concat str to bytes
# expect: TypeError: unsupported operand type(s) for +: 'int' and 'str'
# expect: TypeError: can't multiply sequence by non-int of type 'str'
# expect: TypeError: can't multiply sequence by non-int of type 'float'
# expect: TypeError: can't multiply sequence by non-int of type 'float'
# expect: TypeError: can't multiply sequence by non-int of type 'list'
# expect: TypeError: unsupported operand type(s) for +: 'NoneType' and 'NoneType'
# expect: TypeError: unsupported operand type(s) for +: 'dict' and 'dict'
# expect: TypeError: unsupported operand type(s) for +: 'set' and 'set'
