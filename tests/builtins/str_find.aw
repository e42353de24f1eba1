# find / rfind / index / rindex / count with bounds; errors.
def check(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
s = "abcabcab"
print(s.find("b"), s.find("b", 2), s.find("b", 2, 4), s.find("x"), s.find(""))
print(s.rfind("b"), s.rfind("b", 0, 5), s.rfind(""), s.rfind("ab", -3))
print(s.index("c"), s.rindex("c"), s.count("ab"), s.count("ab", 1), s.count(""))
print("aaaa".count("aa"), "abc".find("", 3), "abc".find("", 4), "abc".count("", 1, 2))
print("abc".find("c", -1), "abc".find("a", -10, -2), "abc".count("a", 5))
u = "héllo wörld héllo"
print(u.find("l"), u.rfind("é"), u.index("wö"), u.count("é"), u.find("o", 5))
check(lambda: s.index("x"))
check(lambda: s.rindex("x"))
check(lambda: s.find(1))
check(lambda: s.find())
check(lambda: s.count("a", "b"))
check(lambda: s.find("a", 0, 1, 2))
# expect: 1 4 -1 -1 0
# expect: 7 4 8 6
# expect: 2 5 3 2 9
# expect: 2 3 -1 2
# expect: 2 0 0
# expect: 2 13 6 2 16
# expect: ValueError substring not found
# expect: ValueError substring not found
# expect: TypeError must be str, not int
# expect: TypeError find() takes at least 1 argument (0 given)
# expect: TypeError slice indices must be integers or None or have an __index__ method
# expect: TypeError find() takes at most 3 arguments (4 given)
