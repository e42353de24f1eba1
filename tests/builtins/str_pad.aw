# zfill, ljust, rjust, center (CPython's centering rule) and expandtabs.
def check(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
print(repr("42".zfill(5)), repr("-42".zfill(5)), repr("+x".zfill(4)), repr("abc".zfill(2)))
print(repr("ab".ljust(5)), repr("ab".rjust(5, "*")), repr("ab".center(5)), repr("ab".center(6, "é")))
print(repr("abc".center(6)), repr("abc".center(7, "-")), repr("a".center(4)), repr("é".ljust(3, "x")))
print(repr("a\tbc\td".expandtabs()), repr("a\tb".expandtabs(4)), repr("ab\n\tc".expandtabs(tabsize=3)))
print(repr("\t".expandtabs(0)), repr("é\tx".expandtabs(4)))
check(lambda: "a".center(5, "ab"))
check(lambda: "a".ljust("x"))
check(lambda: "a".rjust(5, 1))
check(lambda: "a".zfill())
# expect: '00042' '-0042' '+00x' 'abc'
# expect: 'ab   ' '***ab' '  ab ' 'ééabéé'
# expect: ' abc  ' '--abc--' ' a  ' 'éxx'
# expect: 'a       bc      d' 'a   b' 'ab\n   c'
# expect: '' 'é   x'
# expect: TypeError The fill character must be exactly one character long
# expect: TypeError 'str' object cannot be interpreted as an integer
# expect: TypeError The fill character must be a unicode character, not int
# expect: TypeError str.zfill() takes exactly one argument (0 given)
