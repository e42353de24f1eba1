# split / rsplit / splitlines / join / replace for bytes.
def check(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
print(b" a b\t c ".split(), b"a,b,,c".split(b","), b"a,b,c".rsplit(b",", 1), b"a b c".split(maxsplit=1))
print(b"a\nb\r\nc".splitlines(), b"a\nb\r\n".splitlines(True))
print(b"-".join([b"a", b"b"]), b"".join((b"x", b"y")), b",".join([]))
print(b"aaa".replace(b"a", b"b", 2), b"abc".replace(b"", b"-"), b"xx".replace(b"x", b""))
check(lambda: b"a".split(b""))
check(lambda: b"a".split(","))
check(lambda: b",".join([b"a", "b"]))
check(lambda: b",".join([1]))
check(lambda: b"a".replace("a", b"b"))
# expect: [b'a', b'b', b'c'] [b'a', b'b', b'', b'c'] [b'a,b', b'c'] [b'a', b'b c']
# expect: [b'a', b'b', b'c'] [b'a\n', b'b\r\n']
# expect: b'a-b' b'xy' b''
# expect: b'bba' b'-a-b-c-' b''
# expect: ValueError empty separator
# expect: TypeError a bytes-like object is required, not 'str'
# expect: TypeError sequence item 1: expected a bytes-like object, str found
# expect: TypeError sequence item 0: expected a bytes-like object, int found
# expect: TypeError a bytes-like object is required, not 'str'
