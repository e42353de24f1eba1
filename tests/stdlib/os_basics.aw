# os: environ, getenv, getcwd, getpid, sep, linesep, name
import os
print(type(os.environ).__name__ in ("dict", "_Environ"), os.getenv("AW_SURELY_UNSET_VAR"), os.getenv("AW_SURELY_UNSET_VAR", "dflt"))
print(os.getenv("HOME") == os.environ.get("HOME"), os.getcwd() == os.path.abspath("."))
print(type(os.getpid()).__name__, os.getpid() > 0, os.sep, repr(os.linesep), os.name, os.curdir, os.pardir)
try:
    os.getenv(1)
except TypeError as e:
    print("TypeError:", e)
print(os.strerror(2), len(os.urandom(8)), type(os.cpu_count()).__name__)
# expect: True None dflt
# expect: True True
# expect: int True / '\n' posix . ..
# expect: TypeError: str expected, not int
# expect: No such file or directory 8 int
