# os.path string functions (posixpath rules)
import os.path
import os
print(os.path is os.path, os.path.join("a", "b"), os.path.join("/a", "/b", "c"), os.path.join("a", ""), os.path.join("a"), os.path.join("a/", "b"))
for p in ["/a/b/", "a", "/a/b/c.txt", "", "/", "//a", "a/b"]:
    print(repr(p), os.path.split(p), repr(os.path.dirname(p)), repr(os.path.basename(p)))
for p in [".bashrc", "a/b.c.d", "a.", "..a", "a/.b", "x.tar.gz", "noext", "a.b/c"]:
    print(p, os.path.splitext(p))
for p in ["a//b/../c/./d", "", "//a", "///a/..", "../../a", "/..", "a/..", "./", "a/b/"]:
    print(repr(p), repr(os.path.normpath(p)))
print(os.path.isabs("/a"), os.path.isabs("a"), os.path.abspath("/a/./b/../c"))
print(os.path.relpath("/a/b/c", "/a/d"), os.path.relpath("/a/b", "/a/b"), os.path.relpath("/a", "/a/b/c"))
print(os.path.commonprefix(["abc", "abd", "ab"]), repr(os.path.commonprefix([])))
print(os.path.exists("/tmp"), os.path.exists("/nonexistent_aw"), os.path.isdir("/tmp"), os.path.isfile("/tmp"))
print(os.path.expanduser("~") == os.environ.get("HOME"), os.path.expanduser("x~"))
try:
    os.path.join("a", 1)
except TypeError as e:
    print("TypeError:", e)
# expect: True a/b /b/c a/ a a/b
# expect: '/a/b/' ('/a/b', '') '/a/b' ''
# expect: 'a' ('', 'a') '' 'a'
# expect: '/a/b/c.txt' ('/a/b', 'c.txt') '/a/b' 'c.txt'
# expect: '' ('', '') '' ''
# expect: '/' ('/', '') '/' ''
# expect: '//a' ('//', 'a') '//' 'a'
# expect: 'a/b' ('a', 'b') 'a' 'b'
# expect: .bashrc ('.bashrc', '')
# expect: a/b.c.d ('a/b.c', '.d')
# expect: a. ('a', '.')
# expect: ..a ('..a', '')
# expect: a/.b ('a/.b', '')
# expect: x.tar.gz ('x.tar', '.gz')
# expect: noext ('noext', '')
# expect: a.b/c ('a.b/c', '')
# expect: 'a//b/../c/./d' 'a/c/d'
# expect: '' '.'
# expect: '//a' '//a'
# expect: '///a/..' '/'
# expect: '../../a' '../../a'
# expect: '/..' '/'
# expect: 'a/..' '.'
# expect: './' '.'
# expect: 'a/b/' 'a/b'
# expect: True False /a/c
# expect: ../b/c . ../..
# expect: ab ''
# expect: True False True False
# expect: True x~
# expect: TypeError: join() argument must be str, bytes, or os.PathLike object, not 'int'
