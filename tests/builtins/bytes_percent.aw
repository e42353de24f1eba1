# printf-style % formatting on bytes.
def check(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
print(b"%s %d %x %c %c" % (b"ab", 5, 255, 65, b"z"))
print(b"%(k)s" % {b"k": b"v"}, b"%5s|%-5s|" % (b"a", b"b"), b"%.1f" % 2.25, b"%r" % b"x")
check(lambda: b"%s" % "x")
check(lambda: b"%s %s" % (b"a",))
check(lambda: b"%d" % b"a")
# expect: b'ab 5 ff A z'
# expect: b'v' b'    a|b    |' b'2.2' b"b'x'"
# expect: TypeError %b requires a bytes-like object, or an object that implements __bytes__, not 'str'
# expect: TypeError not enough arguments for format string
# expect: TypeError %d format: a real number is required, not bytes
