# len, in, +, *, iteration and comparisons of str.
def check(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
print(len(""), len("abc"), len("héllo"), len("日本語"), len("😀x"))
print("b" in "abc", "" in "abc", "bd" in "abcd", "é" in "café", "x" not in "abc")
print("ab" + "cd", "é" + "", "ab" * 3, 2 * "xy", repr("x" * 0), repr("ab" * -1))
print(list("héy"), [c for c in "ab"], tuple("日本"))
it = iter("ab")
print(next(it), next(it), next(it, "done"))
print("a" < "b", "abc" < "abd", "ab" < "abc", "é" > "z", "B" < "a", "a" == "a", "a" != "b")
print(sorted(["b", "é", "a", "Z", "ä"]), max("hello"), min("hello"))
print(hash("abc") == hash("ab" + "c"), {"k": 1}["k"])
check(lambda: 1 in "abc")
check(lambda: "a" + 1)
check(lambda: "a" * "b")
check(lambda: "a" * 1.5)
check(lambda: "a" < 1)
# expect: 0 3 5 3 2
# expect: True True False True True
# expect: abcd é ababab xyxy '' ''
# expect: ['h', 'é', 'y'] ['a', 'b'] ('日', '本')
# expect: a b done
# expect: True True True True True True True
# expect: ['Z', 'a', 'b', 'ä', 'é'] o e
# expect: True 1
# expect: TypeError 'in <string>' requires string as left operand, not int
# expect: TypeError can only concatenate str (not "int") to str
# expect: TypeError can't multiply sequence by non-int of type 'str'
# expect: TypeError can't multiply sequence by non-int of type 'float'
# expect: TypeError '<' not supported between instances of 'str' and 'int'
