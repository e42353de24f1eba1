# str.maketrans and str.translate.
def check(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
t = str.maketrans("abc", "xyz", "d")
print(sorted(t.items()))
print("abcd-abcd".translate(t))
print("hello".translate({ord("l"): "L", ord("o"): None, ord("h"): 74}))
print("abc".translate(str.maketrans({"a": "1", "b": None})))
check(lambda: str.maketrans("ab", "x"))
check(lambda: str.maketrans(1))
check(lambda: str.maketrans({"ab": 1}))
check(lambda: "a".translate({97: 1.5}))
# expect: [(97, 120), (98, 121), (99, 122), (100, None)]
# expect: xyz-xyz
# expect: JeLL
# expect: 1c
# expect: ValueError the first two maketrans arguments must have equal length
# expect: TypeError if you give only one argument to maketrans it must be a dict
# expect: ValueError string keys in translate table must be of length 1
# expect: TypeError character mapping must return integer, None or str
