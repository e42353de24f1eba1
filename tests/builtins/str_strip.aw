# strip / lstrip / rstrip with default whitespace and explicit chars.
def check(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
print(repr("  hi \t\n".strip()), repr("  hi  ".lstrip()), repr("  hi  ".rstrip()))
print("xxhixx".strip("x"), "abchicba".strip("abc"), "www.ex.com".lstrip("w."))
print(repr("\u00a0 hi \u2003".strip()), "ééaéé".strip("é"))
print(repr("".strip()), repr("aaa".strip("a")), "hi".strip(None))
check(lambda: "a".strip(1))
check(lambda: "a".strip("a", "b"))
check(lambda: "a".rstrip(x="a"))
# expect: 'hi' 'hi  ' '  hi'
# expect: hi hi ex.com
# expect: 'hi' a
# expect: '' '' hi
# expect: TypeError strip arg must be None or str
# expect: TypeError strip expected at most 1 argument, got 2
# expect: TypeError str.rstrip() takes no keyword arguments
