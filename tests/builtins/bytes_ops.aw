# len, indexing, slicing, +, *, iteration and comparison of bytes.
def check(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
b = b"hello"
print(len(b), b[0], b[-1], b[1:3], b[::-1], b[::2], list(b), b + b"!", b * 2, 2 * b"ab", b * 0)
print(b == b"hello", b != b"x", b < b"help", b"a" < b"ab", b == "hello", hash(b) == hash(b"hel" + b"lo"))
print([x for x in b"ab"], sorted([b"b", b"a"]))
check(lambda: b[10])
check(lambda: b["x"])
check(lambda: b + "x")
check(lambda: b * "x")
check(lambda: b < "x")
# expect: 5 104 111 b'el' b'olleh' b'hlo' [104, 101, 108, 108, 111] b'hello!' b'hellohello' b'abab' b''
# expect: True True True True False True
# expect: [97, 98] [b'a', b'b']
# expect: IndexError index out of range
# expect: TypeError byte indices must be integers or slices, not str
# expect: TypeError can't concat str to bytes
# expect: TypeError can't multiply sequence by non-int of type 'str'
# expect: TypeError '<' not supported between instances of 'bytes' and 'str'
