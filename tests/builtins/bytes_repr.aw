# repr of bytes: quoting and escapes.
print(repr(b"abc"), repr(b"it's"), repr(b'say "hi"'), repr(b"both ' and \""))
print(repr(b"\x00\t\n\r\\\x7f\x80\xff"), repr(b""), str(b"x"), [b"a"])
print(b"abc", b"\xe9t\xe9")
# expect: b'abc' b"it's" b'say "hi"' b'both \' and "'
# expect: b'\x00\t\n\r\\\x7f\x80\xff' b'' b'x' [b'a']
# expect: b'abc' b'\xe9t\xe9'
