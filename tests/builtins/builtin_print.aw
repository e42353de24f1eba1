# print: sep, end, several args, str of objects
print("a", "b", "c")
print("a", "b", sep="-")
print("x", end="!\n")
print()
print(1, 2.5, None, True, [1, "s"], {"k": (1,)})
print("a", "b", sep="", end="")
print("|")
print("a", "b", sep=None, end=None)
class P:
    def __str__(self):
        return "P-str"
print(P(), P())
# expect: a b c
# expect: a-b
# expect: x!
# expect: 
# expect: 1 2.5 None True [1, 's'] {'k': (1,)}
# expect: ab|
# expect: a b
# expect: P-str P-str
