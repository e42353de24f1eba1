# open() in binary mode and r+/w+ modes, seek and tell
path = "/tmp/aw_builtin_open_binary.bin"
with open(path, "wb") as f:
    print(f.write(b"ab\x00\xffcd"))
with open(path, "rb") as f:
    data = f.read()
    print(data, type(data).__name__, len(data))
with open(path, "rb") as f:
    print(f.read(2), f.tell(), f.read(1), f.seek(0), f.read())
with open(path, "w+") as f:
    f.write("hello")
    f.seek(0)
    print(f.read())
with open(path, "r+") as f:
    f.write("J")
    f.seek(0)
    print(f.read())
with open(path, "wb") as f:
    f.write(b"line1\nline2\n")
with open(path, "rb") as f:
    print(f.readline(), list(f))
# expect: 6
# expect: b'ab\x00\xffcd' bytes 6
# expect: b'ab' 2 b'\x00' 0 b'ab\x00\xffcd'
# expect: hello
# expect: Jello
# expect: b'line1\n' [b'line2\n']
