# bytes.decode with codecs and error handlers; UnicodeDecodeError messages.
def check(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
print(b"h\xc3\xa9llo".decode(), b"abc".decode("ascii"), b"\xe9".decode("latin-1"))
print(b"a\xffb".decode("utf-8", "replace"), b"a\xffb".decode(errors="ignore"), b"\xe2\x82".decode("utf-8", "replace"))
print(b"\xf0\x9f\x98\x80".decode(), b"x".decode(encoding="utf8"))
check(lambda: b"\xff".decode())
check(lambda: b"ab\xc3".decode())
check(lambda: b"\xe2\x28\xa1".decode())
check(lambda: b"\xed\xa0\x80".decode())
check(lambda: b"\xc0\x80".decode())
check(lambda: b"\xf0\x9f\x98".decode())
check(lambda: b"a\x80".decode("ascii"))
check(lambda: b"a".decode("nope"))
check(lambda: b"a".decode(1))
try:
    b"ab\xff\xfe".decode()
except UnicodeDecodeError as e:
    print(e.encoding, e.object, e.start, e.end, e.reason, isinstance(e, ValueError))
# expect: héllo abc é
# expect: a�b ab �
# expect: 😀 x
# expect: UnicodeDecodeError 'utf-8' codec can't decode byte 0xff in position 0: invalid start byte
# expect: UnicodeDecodeError 'utf-8' codec can't decode byte 0xc3 in position 2: unexpected end of data
# expect: UnicodeDecodeError 'utf-8' codec can't decode byte 0xe2 in position 0: invalid continuation byte
# expect: UnicodeDecodeError 'utf-8' codec can't decode byte 0xed in position 0: invalid continuation byte
# expect: UnicodeDecodeError 'utf-8' codec can't decode byte 0xc0 in position 0: invalid start byte
# expect: UnicodeDecodeError 'utf-8' codec can't decode bytes in position 0-2: unexpected end of data
# expect: UnicodeDecodeError 'ascii' codec can't decode byte 0x80 in position 1: ordinal not in range(128)
# expect: LookupError unknown encoding: nope
# expect: TypeError decode() argument 'encoding' must be str, not int
# expect: utf-8 b'ab\xff\xfe' 2 3 invalid start byte True
