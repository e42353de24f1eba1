# OSError: errno mapping to subclasses, fields, args and str()
e = OSError(2, "No such file or directory", "x.txt")
print(type(e).__name__, e.errno, e.strerror, e.filename, e.args)
print(str(e))
print(repr(e))
print(str(OSError(2, "No such")), str(OSError("just msg")), OSError("m").errno)
print(str(OSError(2, "a", "x", None, "y")))
print(type(OSError(13, "denied")).__name__, type(OSError(17, "exists")).__name__)
print(type(OSError(111, "refused")).__name__, type(OSError(32, "pipe")).__name__)
print(type(OSError(9999, "unknown")).__name__, type(FileNotFoundError(13, "x")).__name__)
print(OSError(1, "a", "x", 1, 2, 3).args)
print(isinstance(FileNotFoundError(), OSError), issubclass(ConnectionResetError, ConnectionError))
try:
    OSError(1, "a", x=1)
except TypeError as err:
    print("TypeError:", err)
try:
    raise FileNotFoundError(2, "No such file or directory", "missing.txt")
except OSError as err:
    print(err.errno, err.filename, err)
# expect: FileNotFoundError 2 No such file or directory x.txt (2, 'No such file or directory')
# expect: [Errno 2] No such file or directory: 'x.txt'
# expect: FileNotFoundError(2, 'No such file or directory')
# expect: [Errno 2] No such just msg None
# expect: [Errno 2] a: 'x' -> 'y'
# expect: PermissionError FileExistsError
# expect: ConnectionRefusedError BrokenPipeError
# expect: OSError FileNotFoundError
# expect: (1, 'a', 'x', 1, 2, 3)
# expect: True True
# expect: TypeError: OSError() takes no keyword arguments
# expect: 2 missing.txt [Errno 2] No such file or directory: 'missing.txt'
