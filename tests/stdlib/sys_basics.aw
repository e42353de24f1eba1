# sys: version data, platform, maxsize, argv, path, modules
import sys
print(sys.version.startswith("3.11"), sys.version_info[:2], sys.version_info[0] == 3)
print(sys.platform, sys.maxsize, sys.byteorder)
print(type(sys.argv).__name__, len(sys.argv) >= 1, type(sys.path).__name__)
print("sys" in sys.modules, sys.modules["sys"] is sys)
print(sys.getrecursionlimit() > 0, sys.getdefaultencoding())
print(sys.intern("abc") == "abc", type(sys.executable).__name__)
# expect: True (3, 11) True
# expect: linux 9223372036854775807 little
# expect: list True list
# expect: True True
# expect: True utf-8
# expect: True str
