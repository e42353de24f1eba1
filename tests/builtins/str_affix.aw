# removeprefix / removesuffix.
def check(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
print("prefix_body".removeprefix("prefix_"), "body.txt".removesuffix(".txt"))
print("abc".removeprefix("x"), "abc".removesuffix(""), "éa".removeprefix("é"))
check(lambda: "a".removeprefix(1))
# expect: body body
# expect: abc abc a
# expect: TypeError removeprefix() argument must be str, not int
