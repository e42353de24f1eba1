# str.encode with utf-8, ascii and latin-1 and the error handlers.
def check(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
print("héllo".encode(), "héllo".encode("utf-8"), "abc".encode("ascii"))
print("héllo".encode("latin-1"), "héllo".encode("ascii", "replace"), "héllo".encode("ascii", errors="ignore"))
print("€".encode("latin-1", "replace"), "日本".encode("UTF8"), "x".encode(encoding="latin1"))
check(lambda: "héllo".encode("ascii"))
check(lambda: "ééé!".encode("ascii"))
check(lambda: "a€".encode("latin-1"))
check(lambda: "a".encode("nope"))
check(lambda: "a".encode(1))
try:
    "aé€b".encode("ascii")
except UnicodeEncodeError as e:
    print(e.encoding, e.object, e.start, e.end, e.reason, isinstance(e, UnicodeError))
# expect: b'h\xc3\xa9llo' b'h\xc3\xa9llo' b'abc'
# expect: b'h\xe9llo' b'h?llo' b'hllo'
# expect: b'?' b'\xe6\x97\xa5\xe6\x9c\xac' b'x'
# expect: UnicodeEncodeError 'ascii' codec can't encode character '\xe9' in position 1: ordinal not in range(128)
# expect: UnicodeEncodeError 'ascii' codec can't encode characters in position 0-2: ordinal not in range(128)
# expect: UnicodeEncodeError 'latin-1' codec can't encode character '\u20ac' in position 1: ordinal not in range(256)
# expect: LookupError unknown encoding: nope
# expect: TypeError encode() argument 'encoding' must be str, not int
# expect: ascii aé€b 1 3 ordinal not in range(128) True
