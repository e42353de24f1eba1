# bytes() constructor forms and errors.
def check(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
class HasBytes:
    def __bytes__(self):
        return b"custom"
print(bytes(), bytes(3), bytes([65, 66, 67]), bytes((1, 255)), bytes(b"ab"), bytes(range(3)))
print(bytes("héllo", "utf-8"), bytes("abc", "ascii"), bytes("é", encoding="latin-1"), bytes(HasBytes()))
print(bytes("é", "ascii", "replace"), bytes(x for x in [104, 105]))
check(lambda: bytes(-1))
check(lambda: bytes("a"))
check(lambda: bytes("é", "ascii"))
check(lambda: bytes([256]))
check(lambda: bytes([1, "a"]))
check(lambda: bytes(1.5))
check(lambda: bytes(None))
check(lambda: bytes(1, "utf-8"))
check(lambda: bytes(x=1))
# expect: b'' b'\x00\x00\x00' b'ABC' b'\x01\xff' b'ab' b'\x00\x01\x02'
# expect: b'h\xc3\xa9llo' b'abc' b'\xe9' b'custom'
# expect: b'?' b'hi'
# expect: ValueError negative count
# expect: TypeError string argument without an encoding
# expect: UnicodeEncodeError 'ascii' codec can't encode character '\xe9' in position 0: ordinal not in range(128)
# expect: ValueError bytes must be in range(0, 256)
# expect: TypeError 'str' object cannot be interpreted as an integer
# expect: TypeError cannot convert 'float' object to bytes
# expect: TypeError cannot convert 'NoneType' object to bytes
# expect: TypeError encoding without a string argument
# expect: TypeError 'x' is an invalid keyword argument for bytes()
