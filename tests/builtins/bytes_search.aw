# find / rfind / index / count / startswith / endswith / in for bytes.
def check(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
s = b"abcabcab"
print(s.find(b"b"), s.find(b"b", 2), s.find(98), s.rfind(b"b"), s.rfind(b"b", 0, 5), s.find(b"x"))
print(s.index(b"c"), s.rindex(99), s.count(b"ab"), s.count(97), s.count(b""))
print(s.startswith(b"abc"), s.endswith((b"x", b"ab")), s.startswith(b"c", 2), s.endswith(b"a", 0, 4))
print(b"b" in s, 97 in s, b"" in s, b"xyz" in s, 120 in s)
check(lambda: s.index(b"x"))
check(lambda: s.find("b"))
check(lambda: s.find(256))
check(lambda: "a" in s)
check(lambda: 256 in s)
check(lambda: s.startswith("a"))
# expect: 1 4 1 7 4 -1
# expect: 2 5 3 3 9
# expect: True True True True
# expect: True True True False False
# expect: ValueError subsection not found
# expect: TypeError argument should be integer or bytes-like object, not 'str'
# expect: ValueError byte must be in range(0, 256)
# expect: TypeError a bytes-like object is required, not 'str'
# expect: ValueError byte must be in range(0, 256)
# expect: TypeError startswith first arg must be bytes or a tuple of bytes, not str
