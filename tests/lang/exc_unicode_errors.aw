# UnicodeDecodeError / UnicodeEncodeError constructors, fields and str()
e = UnicodeDecodeError("utf-8", b"\xff\xfe", 0, 1, "invalid start byte")
print(str(e))
print(e.encoding, e.object, e.start, e.end, e.reason)
print(str(UnicodeDecodeError("utf-8", b"\xff\xfe", 0, 2, "invalid")))
print(str(UnicodeEncodeError("ascii", "\xe9", 0, 1, "ordinal not in range(128)")))
print(str(UnicodeEncodeError("ascii", "ab", 0, 2, "x")))
def attempt(f):
    try:
        f()
    except TypeError as err:
        print("TypeError:", err)
attempt(lambda: UnicodeDecodeError("utf-8"))
attempt(lambda: UnicodeDecodeError(1, b"", 0, 1, "r"))
attempt(lambda: UnicodeDecodeError("utf-8", "abc", 0, 1, "r"))
try:
    b"\xff".decode("utf-8")
except UnicodeDecodeError as err:
    print(err)
print(issubclass(UnicodeDecodeError, ValueError))
# expect: 'utf-8' codec can't decode byte 0xff in position 0: invalid start byte
# expect: utf-8 b'\xff\xfe' 0 1 invalid start byte
# expect: 'utf-8' codec can't decode bytes in position 0-1: invalid
# expect: 'ascii' codec can't encode character '\xe9' in position 0: ordinal not in range(128)
# expect: 'ascii' codec can't encode characters in position 0-1: x
# expect: TypeError: function takes exactly 5 arguments (1 given)
# expect: TypeError: argument 1 must be str, not int
# expect: TypeError: a bytes-like object is required, not 'str'
# expect: 'utf-8' codec can't decode byte 0xff in position 0: invalid start byte
# expect: True
