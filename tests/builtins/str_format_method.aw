# str.format: auto/manual numbering, keywords, attributes, indexes,
# conversions, nested specs and the error messages.
def check(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
class P:
    def __init__(self):
        self.x = 3
        self.items = [10, 20]
    def __repr__(self):
        return "P()"
    def __str__(self):
        return "p!"
print("{} + {} = {}".format(1, 2, 3))
print("{1} {0} {1}".format("a", "b"))
print("{name} is {age}".format(name="Bob", age=30))
print("{0.x} {0.items[1]} {d[k]} {l[0]}".format(P(), d={"k": "v"}, l=[7]))
print("{!r} {!s} {!a} {!r:>6}".format(P(), P(), "é", P()))
print("{:>{w}} | {:.{p}f} | {:{f}^{w}}".format("x", 3.14159, "m", w=5, p=2, f="*"))
print("{{}} {{{}}} }}{{".format(7))
print("{0:{1}}".format(42, "05"))
print("{:,} {:_} {:.1%} {:x} {!r:^9}|".format(1234567, 1234567, 0.25, 255, "s"))
print("{0[0]}{0[1]}".format("ab"), "{[a b]}".format({"a b": 1}))
check(lambda: "{}".format())
check(lambda: "{0} {}".format(1, 2))
check(lambda: "{} {0}".format(1, 2))
check(lambda: "{x}".format())
check(lambda: "{0.nope}".format(1))
check(lambda: "{0[5]}".format([]))
check(lambda: "{!x}".format(1))
check(lambda: "{".format())
check(lambda: "}".format())
check(lambda: "{0!r".format(1))
check(lambda: "{:d}".format("a"))
check(lambda: "{0!}".format(1))
check(lambda: "{0!rr}".format(1))
check(lambda: "{0[}".format(1))
check(lambda: "{0.}".format(1))
check(lambda: "{:{:{}}}".format(1, 2, 3))
check(lambda: "{0{}".format(1))
check(lambda: "{0]}".format([1]))
check(lambda: "{0[0]x}".format([1]))
check(lambda: "{0:".format(1))
check(lambda: "{0!".format(1))
print("{0[a]!r:>5}|{0[b]}".format({"a": 1, "b": ":}"}))
# expect: 1 + 2 = 3
# expect: b a b
# expect: Bob is 30
# expect: 3 20 v 7
# expect: P() p! '\xe9'    P()
# expect:     x | 3.14 | **m**
# expect: {} {7} }{
# expect: 00042
# expect: 1,234,567 1_234_567 25.0% ff    's'   |
# expect: ab 1
# expect: IndexError Replacement index 0 out of range for positional args tuple
# expect: ValueError cannot switch from manual field specification to automatic field numbering
# expect: ValueError cannot switch from automatic field numbering to manual field specification
# expect: KeyError 'x'
# expect: AttributeError 'int' object has no attribute 'nope'
# expect: IndexError list index out of range
# expect: ValueError Unknown conversion specifier x
# expect: ValueError Single '{' encountered in format string
# expect: ValueError Single '}' encountered in format string
# expect: ValueError unmatched '{' in format spec
# expect: ValueError Unknown format code 'd' for object of type 'str'
# expect: ValueError unmatched '{' in format spec
# expect: ValueError expected ':' after conversion specifier
# expect: ValueError expected '}' before end of string
# expect: ValueError Empty attribute in format string
# expect: ValueError Max string recursion exceeded
# expect: ValueError unexpected '{' in field name
# expect: KeyError '0]'
# expect: ValueError Only '.' or '[' may follow ']' in format field specifier
# expect: ValueError unmatched '{' in format spec
# expect: ValueError end of string while looking for conversion specifier
# expect:     1|:}
