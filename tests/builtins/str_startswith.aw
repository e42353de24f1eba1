# startswith / endswith with tuples and start/end bounds.
def check(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
s = "hello world"
print(s.startswith("hello"), s.startswith("world"), s.startswith("world", 6))
print(s.endswith("world"), s.endswith("hello", 0, 5), s.endswith("lo", None, 5))
print(s.startswith(("x", "he")), s.endswith(("x", "y")), s.startswith(()))
print(s.startswith("", 11), s.startswith("", 12), s.endswith("d", -1), s.startswith("o", -5, -4))
print("héllo".startswith("hé"), "héllo".endswith("llo", 2), "héllo".startswith("l", 2))
check(lambda: s.startswith(1))
check(lambda: s.endswith(("a", 1)))
check(lambda: s.startswith())
check(lambda: s.startswith("a", "b"))
# expect: True False True
# expect: True True True
# expect: True False False
# expect: True False True False
# expect: True True True
# expect: TypeError startswith first arg must be str or a tuple of str, not int
# expect: TypeError tuple for endswith must only contain str, not int
# expect: TypeError startswith() takes at least 1 argument (0 given)
# expect: TypeError slice indices must be integers or None or have an __index__ method
