# str.split / rsplit: whitespace and explicit separators, maxsplit, errors.
def check(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
print("  a b\t c\n".split())
print("a,b,,c".split(","))
print("a,b,,c".split(",", 1))
print("a,b,,c".rsplit(",", 1))
print("  a b  c  ".split(None, 1))
print("  a b  c  ".rsplit(None, 1))
print("a::b::c".split("::"))
print("".split(), "".split(","), "   ".split())
print("abc".split("abc"), "x".rsplit("x"))
print("a b c".split(maxsplit=1), "a b c".rsplit(sep=" ", maxsplit=1))
print("a\u00a0b\u3000c".split())
print("héllo wörld".split("ö"))
print("1 2 3".split(" ", -1), "1 2 3".split(" ", 0))
check(lambda: "a".split(""))
check(lambda: "a".split(1))
check(lambda: "a".split(x=1))
check(lambda: "a".split(",", 1, 2))
check(lambda: "a".split(",", "x"))
# expect: ['a', 'b', 'c']
# expect: ['a', 'b', '', 'c']
# expect: ['a', 'b,,c']
# expect: ['a,b,', 'c']
# expect: ['a', 'b  c  ']
# expect: ['  a b', 'c']
# expect: ['a', 'b', 'c']
# expect: [] [''] []
# expect: ['', ''] ['', '']
# expect: ['a', 'b c'] ['a b', 'c']
# expect: ['a', 'b', 'c']
# expect: ['héllo w', 'rld']
# expect: ['1', '2', '3'] ['1 2 3']
# expect: ValueError empty separator
# expect: TypeError must be str or None, not int
# expect: TypeError 'x' is an invalid keyword argument for split()
# expect: TypeError split() takes at most 2 arguments (3 given)
# expect: TypeError 'str' object cannot be interpreted as an integer
