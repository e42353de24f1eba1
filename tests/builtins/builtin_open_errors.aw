# open() errors: missing file, bad mode, closed file, wrong types
try:
    open("/nonexistent/dir/x.txt")
except FileNotFoundError as e:
    print(type(e).__name__, e.errno, e.strerror, e.filename)
    print(e)
try:
    open("/tmp")
except IsADirectoryError as e:
    print("IsADirectoryError:", e)
for mode in ["q", "rw", "rbt", "rr"]:
    try:
        open("/tmp/x", mode)
    except ValueError as e:
        print("ValueError:", e)
path = "/tmp/aw_builtin_open_errors.txt"
f = open(path, "w")
f.close()
for call in [lambda: f.write("x"), lambda: f.read(), lambda: iter(f)]:
    try:
        call()
    except ValueError as e:
        print("ValueError:", e)
with open(path, "w") as f:
    try:
        f.write(b"bytes")
    except TypeError as e:
        print("TypeError:", e)
with open(path, "wb") as f:
    try:
        f.write("str")
    except TypeError as e:
        print("TypeError:", e)
try:
    open(path, "x")
except FileExistsError as e:
    print("FileExistsError:", e)
with open(path, "r") as f:
    try:
        f.write("x")
    except OSError as e:
        print(type(e).__name__ + ":", e)
# expect: FileNotFoundError 2 No such file or directory /nonexistent/dir/x.txt
# expect: [Errno 2] No such file or directory: '/nonexistent/dir/x.txt'
# expect: IsADirectoryError: [Errno 21] Is a directory: '/tmp'
# expect: ValueError: invalid mode: 'q'
# expect: ValueError: must have exactly one of create/read/write/append mode
# expect: ValueError: can't have text and binary mode at once
# expect: ValueError: invalid mode: 'rr'
# expect: ValueError: I/O operation on closed file.
# expect: ValueError: I/O operation on closed file.
# expect: ValueError: I/O operation on closed file.
# expect: TypeError: write() argument must be str, not bytes
# expect: TypeError: a bytes-like object is required, not 'str'
# expect: FileExistsError: [Errno 17] File exists: '/tmp/aw_builtin_open_errors.txt'
# expect: UnsupportedOperation: not writable
