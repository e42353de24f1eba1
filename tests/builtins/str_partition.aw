# partition / rpartition and their errors.
def check(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
print("a=b=c".partition("="), "a=b=c".rpartition("="))
print("abc".partition("x"), "abc".rpartition("x"))
print("héllo".partition("é"), "key: value".partition(": "))
check(lambda: "a".partition(""))
check(lambda: "a".rpartition(1))
check(lambda: "a".partition())
# expect: ('a', '=', 'b=c') ('a=b', '=', 'c')
# expect: ('abc', '', '') ('', '', 'abc')
# expect: ('h', 'é', 'llo') ('key', ': ', 'value')
# expect: ValueError empty separator
# expect: TypeError must be str, not int
# expect: TypeError str.partition() takes exactly one argument (0 given)
