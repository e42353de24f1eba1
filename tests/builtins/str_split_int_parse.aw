# str.split with one-byte and longer separators, maxsplit, keywords and
# errors; int() of decimal strings (signs, zeros, 18+ digits, junk).
s = "a,b,,c,"
for args in [(",",), (",", 0), (",", 1), (",", 2), (",", 10), (",", -1), ("x",), (",,",), (None,), ()]:
    print(args, s.split(*args), s.rsplit(*args))
print("".split(","), ",".split(","), "abc".split("b", maxsplit=0), "ab".split(sep="b"), "é,ü".split(","))
for bad in [lambda: "a".split(""), lambda: "a".split(1), lambda: "a".split(",", 1, 2), lambda: str.split(1)]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
for t in ["0", "-0", "+5", "007", "123456789012345678", "-123456789012345678", "9223372036854775807",
          "-9223372036854775808", " 12 ", "1_000", "12a", "", "-", "+", "٣", "0x10", "1" * 19, "--1"]:
    try:
        print(repr(t), int(t))
    except ValueError as e:
        print(repr(t), "ValueError:", e)
print(int("ff", 16), int("0b101", 0), int("z", 36), int("-0o17", 8), int(b"12"))
# expect: (',',) ['a', 'b', '', 'c', ''] ['a', 'b', '', 'c', '']
# expect: (',', 0) ['a,b,,c,'] ['a,b,,c,']
# expect: (',', 1) ['a', 'b,,c,'] ['a,b,,c', '']
# expect: (',', 2) ['a', 'b', ',c,'] ['a,b,', 'c', '']
# expect: (',', 10) ['a', 'b', '', 'c', ''] ['a', 'b', '', 'c', '']
# expect: (',', -1) ['a', 'b', '', 'c', ''] ['a', 'b', '', 'c', '']
# expect: ('x',) ['a,b,,c,'] ['a,b,,c,']
# expect: (',,',) ['a,b', 'c,'] ['a,b', 'c,']
# expect: (None,) ['a,b,,c,'] ['a,b,,c,']
# expect: () ['a,b,,c,'] ['a,b,,c,']
# expect: [''] ['', ''] ['abc'] ['a', ''] ['é', 'ü']
# expect: ValueError: empty separator
# expect: TypeError: must be str or None, not int
# expect: TypeError: split() takes at most 2 arguments (3 given)
# expect: TypeError: descriptor 'split' for 'str' objects doesn't apply to a 'int' object
# expect: '0' 0
# expect: '-0' 0
# expect: '+5' 5
# expect: '007' 7
# expect: '123456789012345678' 123456789012345678
# expect: '-123456789012345678' -123456789012345678
# expect: '9223372036854775807' 9223372036854775807
# expect: '-9223372036854775808' -9223372036854775808
# expect: ' 12 ' 12
# expect: '1_000' 1000
# expect: '12a' ValueError: invalid literal for int() with base 10: '12a'
# expect: '' ValueError: invalid literal for int() with base 10: ''
# expect: '-' ValueError: invalid literal for int() with base 10: '-'
# expect: '+' ValueError: invalid literal for int() with base 10: '+'
# expect: '٣' 3
# expect: '0x10' ValueError: invalid literal for int() with base 10: '0x10'
# expect: '1111111111111111111' 1111111111111111111
# expect: '--1' ValueError: invalid literal for int() with base 10: '--1'
# expect: 255 5 35 -15 12
