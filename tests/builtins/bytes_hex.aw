# bytes.hex and bytes.fromhex.
def check(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
print(b"\x00\xff\x10".hex(), b"".hex(), b"abc".hex(":"), b"abcde".hex("-", 2), b"abcde".hex(" ", -2))
print(bytes.fromhex("61 62 63"), bytes.fromhex(""), bytes.fromhex("  0aFF "))
check(lambda: bytes.fromhex("zz"))
check(lambda: bytes.fromhex("a"))
check(lambda: bytes.fromhex("6 1"))
check(lambda: bytes.fromhex(1))
check(lambda: b"a".hex("::"))
# expect: 00ff10  61:62:63 61-6263-6465 6162 6364 65
# expect: b'abc' b'' b'\n\xff'
# expect: ValueError non-hexadecimal number found in fromhex() arg at position 0
# expect: ValueError non-hexadecimal number found in fromhex() arg at position 1
# expect: ValueError non-hexadecimal number found in fromhex() arg at position 1
# expect: TypeError fromhex() argument must be str, not int
# expect: ValueError sep must be length 1.
