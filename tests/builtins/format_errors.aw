# format-spec errors, worded as CPython's.
def check(v, s):
    try:
        print(repr(format(v, s)))
    except Exception as e:
        print(type(e).__name__, e)
check(5, "dd")
check(5, ".2d")
check(5.0, "d")
check("a", "d")
check("a", "+")
check("a", " ")
check("a", "#")
check("a", "=")
check("a", "=5")
check("a", ",")
check(5, ",c")
check(5, ",x")
check(5, ",_")
check(5, "_,")
check(5, "z")
check(5, "+c")
check(5, "#c")
check(-1, "c")
check(5, ".")
check(5, "1.")
check(5, "q")
check(1.5, "x")
check(1.5, "_n")
check(None, "x")
check(None, ">5")
check([], "s")
check(object(), "5")
check(5, 5)
# expect: ValueError Invalid format specifier 'dd' for object of type 'int'
# expect: ValueError Precision not allowed in integer format specifier
# expect: ValueError Unknown format code 'd' for object of type 'float'
# expect: ValueError Unknown format code 'd' for object of type 'str'
# expect: ValueError Sign not allowed in string format specifier
# expect: ValueError Space not allowed in string format specifier
# expect: ValueError Alternate form (#) not allowed in string format specifier
# expect: ValueError '=' alignment not allowed in string format specifier
# expect: ValueError '=' alignment not allowed in string format specifier
# expect: ValueError Cannot specify ',' with 's'.
# expect: ValueError Cannot specify ',' with 'c'.
# expect: ValueError Cannot specify ',' with 'x'.
# expect: ValueError Cannot specify both ',' and '_'.
# expect: ValueError Cannot specify both ',' and '_'.
# expect: ValueError Negative zero coercion (z) not allowed in integer format specifier
# expect: ValueError Sign not allowed with integer format specifier 'c'
# expect: ValueError Alternate form (#) not allowed with integer format specifier 'c'
# expect: OverflowError %c arg not in range(0x110000)
# expect: ValueError Format specifier missing precision
# expect: ValueError Format specifier missing precision
# expect: ValueError Unknown format code 'q' for object of type 'int'
# expect: ValueError Unknown format code 'x' for object of type 'float'
# expect: ValueError Cannot specify '_' with 'n'.
# expect: TypeError unsupported format string passed to NoneType.__format__
# expect: TypeError unsupported format string passed to NoneType.__format__
# expect: TypeError unsupported format string passed to list.__format__
# expect: TypeError unsupported format string passed to object.__format__
# expect: TypeError format() argument 2 must be str, not int
