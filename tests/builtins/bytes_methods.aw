# Case, strip, partition, padding and predicates for bytes.
def check(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
b = b"Hello World"
print(b.upper(), b.lower(), b.swapcase(), b"hello world".title(), b"hELLO".capitalize(), b"\xe9a".upper())
print(b"  x  ".strip(), b"xxhixx".strip(b"x"), b"  x ".lstrip(), b" x  ".rstrip(), b"abc".strip(None))
print(b"a=b=c".partition(b"="), b"a=b=c".rpartition(b"="), b"abc".partition(b"x"))
print(b"ab".center(6, b"*"), b"ab".ljust(4), b"ab".rjust(4), b"-5".zfill(4))
print(b"123".isdigit(), b"abc".isalpha(), b" \t".isspace(), b"a1".isalnum(), b"AB".isupper(), b"ab".islower(), b"\xff".isascii(), b"".isdigit())
print(b"pre.txt".removeprefix(b"pre."), b"pre.txt".removesuffix(b".txt"))
check(lambda: b"a".strip("a"))
check(lambda: b"a".center(3, "x"))
check(lambda: b"a".upper(1))
check(lambda: b"a".partition(b""))
# expect: b'HELLO WORLD' b'hello world' b'hELLO wORLD' b'Hello World' b'Hello' b'\xe9A'
# expect: b'x' b'hi' b'x ' b' x' b'abc'
# expect: (b'a', b'=', b'b=c') (b'a=b', b'=', b'c') (b'abc', b'', b'')
# expect: b'**ab**' b'ab  ' b'  ab' b'-005'
# expect: True True True True True True False False
# expect: b'txt' b'pre'
# expect: TypeError a bytes-like object is required, not 'str'
# expect: TypeError center() argument 2 must be a byte string of length 1, not str
# expect: TypeError bytes.upper() takes no arguments (1 given)
# expect: ValueError empty separator
