# Fused compare-and-branch sequences (superinstructions) agree with the
# plain comparison: ints, bools, floats, nan, big ints against floats,
# strs, and objects with their own comparison methods.
def classify(a, b):
    out = []
    if a < b:
        out.append("lt")
    if a <= b:
        out.append("le")
    if a == b:
        out.append("eq")
    if a != b:
        out.append("ne")
    if a > b:
        out.append("gt")
    if a >= b:
        out.append("ge")
    return " ".join(out)

def against_const(a):
    r = []
    if a < 3:
        r.append("<3")
    if not a > 2.5:
        r.append("!>2.5")
    if a != 0:
        r.append("!=0")
    return r

class Loud:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        print("lt called")
        return self.v < other
    def __eq__(self, other):
        return "truthy"

print(classify(1, 2), "|", classify(2, 2), "|", classify(3, 2))
print(classify(True, 1), "|", classify(False, 0.5))
print(classify(1.5, 1.5), "|", classify(float("nan"), 1.0))
print(classify(2**53 + 1, float(2**53)), "|", classify(-2**60, -1e18))
print(classify("abc", "abd"), "|", classify("b", "abc"), "|", classify("é", "e"))
print(against_const(2), against_const(2.75), against_const(0))

def is_x(a):
    if a == "x":
        return "x"
    if a != "y":
        return "not y"
    return "y"

print(is_x("x"), is_x("y"), is_x(3), is_x(None))
def loud(a, b):
    if a < b:
        print("less")
    if a == 5:
        print("eq is truthy")

loud(Loud(1), 5)
i = 0
n = 0
while i < 10:
    if i % 3 == 0:
        n += i
    i += 1
print(n)
j = 10
while j:
    j -= 3
    if j < 0:
        break
print(j)
s = ""
while not s == "aaa":
    s += "a"
print(s)
try:
    if Loud(1) < "x":
        pass
except TypeError as e:
    print("TypeError:", e)
try:
    if [] < 3:
        pass
except TypeError as e:
    print("TypeError:", e)
# expect: lt le ne | le eq ge | ne gt ge
# expect: le eq ge | lt le ne
# expect: le eq ge | ne
# expect: ne gt ge | lt le ne
# expect: lt le ne | ne gt ge | ne gt ge
# expect: ['<3', '!>2.5', '!=0'] ['<3', '!=0'] ['<3', '!>2.5']
# expect: x y not y not y
# expect: lt called
# expect: less
# expect: eq is truthy
# expect: 18
# expect: -2
# expect: aaa
# expect: lt called
# expect: TypeError: '<' not supported between instances of 'int' and 'str'
# expect: TypeError: '<' not supported between instances of 'list' and 'int'
