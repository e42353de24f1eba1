# str() of values and str(bytes, encoding, errors).
def check(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
class A:
    def __str__(self):
        return "A!"
class B:
    def __repr__(self):
        return "B?"
print(str(), str(1), str(1.5), str(None), str(True), str([1, "a"]), str(A()), str(B()))
print(str(b"abc"), str(b"h\xc3\xa9", "utf-8"), str(b"\xe9", "latin-1"), str(b"a\xffb", "utf-8", "replace"))
print(str(object=5), str(b"x", encoding="ascii"), str(b"\xffa", errors="ignore"))
check(lambda: str(b"\xff", "utf-8"))
check(lambda: str("x", "utf-8"))
check(lambda: str(1, "utf-8"))
check(lambda: str(b"x", "nope"))
check(lambda: str(1, 2, 3, 4))
check(lambda: str(x=1))
check(lambda: str(b"\xe9", "ascii"))
check(lambda: str(b"\xe3\x81", "utf-8"))
check(lambda: str(b"a\xe3\x81b", "utf-8"))
# expect:  1 1.5 None True [1, 'a'] A! B?
# expect: b'abc' hé é a�b
# expect: 5 x a
# expect: UnicodeDecodeError 'utf-8' codec can't decode byte 0xff in position 0: invalid start byte
# expect: TypeError decoding str is not supported
# expect: TypeError decoding to str: need a bytes-like object, int found
# expect: LookupError unknown encoding: nope
# expect: TypeError str() takes at most 3 arguments (4 given)
# expect: TypeError 'x' is an invalid keyword argument for str()
# expect: UnicodeDecodeError 'ascii' codec can't decode byte 0xe9 in position 0: ordinal not in range(128)
# expect: UnicodeDecodeError 'utf-8' codec can't decode bytes in position 0-1: unexpected end of data
# expect: UnicodeDecodeError 'utf-8' codec can't decode bytes in position 1-2: invalid continuation byte
