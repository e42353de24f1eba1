# str.replace with counts, empty patterns and non-ASCII text.
def check(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
print("aaa".replace("a", "b"), "aaa".replace("a", "b", 2), "aaa".replace("a", "b", 0))
print("abc".replace("", "-"), "abc".replace("", "-", 2), "".replace("", "x"))
print("héllo".replace("é", "e"), "ab".replace("ab", ""), "abab".replace("b", "xyz", -1))
print("mississippi".replace("ss", "SS"))
check(lambda: "a".replace(1, "b"))
check(lambda: "a".replace("a", 2))
check(lambda: "a".replace("a"))
# expect: bbb bba aaa
# expect: -a-b-c- -a-bc x
# expect: hello  axyzaxyz
# expect: miSSiSSippi
# expect: TypeError replace() argument 1 must be str, not int
# expect: TypeError replace() argument 2 must be str, not int
# expect: TypeError replace expected at least 2 arguments, got 1
