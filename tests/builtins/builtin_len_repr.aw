# len() and repr()
print(len("héllo"), len([1, 2]), len((1,)), len({"a": 1}), len(set()), len(range(10)), len(b"ab"))
class L:
    def __len__(self):
        return 7
print(len(L()))
for x in [5, None, 1.5]:
    try:
        len(x)
    except TypeError as e:
        print("TypeError:", e)
print(repr("a'b"), repr(1.0), repr([1, "x"]), repr(None))
class R:
    def __repr__(self):
        return "R()"
print(repr(R()), repr([R()]))
try:
    len()
except TypeError as e:
    print("TypeError:", e)
print(ascii("héllo"), ascii([1, "é"]), ascii("\u20ac\U0001f600"))
# expect: 5 2 1 1 0 10 2
# expect: 7
# expect: TypeError: object of type 'int' has no len()
# expect: TypeError: object of type 'NoneType' has no len()
# expect: TypeError: object of type 'float' has no len()
# expect: "a'b" 1.0 [1, 'x'] None
# expect: R() [R()]
# expect: TypeError: len() takes exactly one argument (0 given)
# expect: 'h\xe9llo' [1, '\xe9'] '\u20ac\U0001f600'
