# format() and f-strings on None, containers and classes with __format__.
class Money:
    def __init__(self, v):
        self.v = v
    def __format__(self, spec):
        return "$" + format(self.v, spec or ".2f")
class Plain:
    def __str__(self):
        return "plain"
class Bad:
    def __format__(self, spec):
        return 5
print(format(None), format([1, 2]), format(Plain()), format(Money(3)), format(Money(3), ".1f"))
print(f"{Money(2.5)} {Money(2.5):.0f} {Plain()} {None!r:>6} {[1]!s}")
print("{:>6}|{}".format(Money(1), Plain()))
try:
    format(Bad())
except TypeError as e:
    print(e)
try:
    f"{Plain():>5}"
except TypeError as e:
    print(e)
# expect: None [1, 2] plain $3.00 $3.0
# expect: $2.50 $2 plain   None [1]
# expect: $     1|plain
# expect: __format__ must return a str, not int
# expect: unsupported format string passed to Plain.__format__
