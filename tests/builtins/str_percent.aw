# printf-style "fmt % args": conversions, flags, widths, mappings, errors.
def check(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
print("%s %d %5.2f %r %x %%" % ("s", 42, 3.14159, "r", 255))
print("%s" % "single", "%d" % 7, "%s" % (1,), "%s" % [1, 2], "%s" % ((1, 2),))
print("%(a)s-%(b)03d" % {"a": "x", "b": 5})
print("[%5s][%-5s][%.2s][%5.1s]" % ("ab", "ab", "abc", "xyz"))
print("[%05d][%-5d][%+d][% d][%+05d]" % (42, 42, 42, 42, -42))
print("[%x][%X][%#x][%#o][%o][%#X]" % (255, 255, 255, 8, 8, 255))
print("[%e][%E][%g][%G][%.3g][%10.4f][%-10.2f]" % (12345.678, 0.00001, 1e20, 1e-10, 3.14159, 2.5, 2.5))
print("[%c][%c][%i][%u][%d]" % ("x", 233, 3, 4, 3.99))
print("[%*d][%-*d][%.*f]" % (5, 1, 4, 2, 2, 3.14159))
print("[%a][%r][%s]" % ("é", "é", None))
print("%5.3d|%.0f|%.0e|%#.0f" % (7, 2.5, 25000.0, 3.0))
print("%f %F %e" % (float("inf"), float("-inf"), float("nan")))
print("%s and %s" % (True, 1.5), "%d" % True, "%.1f%%" % 99.5)
print("no args" % (), "x" % {}, "y" % [])
check(lambda: "%d" % "a")
check(lambda: "%s %s" % (1,))
check(lambda: "%s" % (1, 2))
check(lambda: "%z" % 1)
check(lambda: "%(a)s" % 1)
check(lambda: "%c" % "ab")
check(lambda: "%x" % 1.5)
check(lambda: "%.2f" % "a")
check(lambda: "%" % 1)
check(lambda: "%(a" % {"a": 1})
check(lambda: "%(a)s" % {})
check(lambda: "%*d" % ("x", 1))
check(lambda: "%c" % -1)
check(lambda: "hello" % 5)
check(lambda: "%5%" % ())
print("[%010f][%+08e][%09G]" % (float("inf"), float("-inf"), float("nan")))
# expect: s 42  3.14 'r' ff %
# expect: single 7 1 [1, 2] (1, 2)
# expect: x-005
# expect: [   ab][ab   ][ab][    x]
# expect: [00042][42   ][+42][ 42][-0042]
# expect: [ff][FF][0xff][0o10][10][0XFF]
# expect: [1.234568e+04][1.000000E-05][1e+20][1E-10][3.14][    2.5000][2.50      ]
# expect: [x][é][3][4][3]
# expect: [    1][2   ][3.14]
# expect: ['\xe9']['é'][None]
# expect:   007|2|2e+04|3.
# expect: inf -INF nan
# expect: True and 1.5 1 99.5%
# expect: no args x y
# expect: TypeError %d format: a real number is required, not str
# expect: TypeError not enough arguments for format string
# expect: TypeError not all arguments converted during string formatting
# expect: ValueError unsupported format character 'z' (0x7a) at index 1
# expect: TypeError format requires a mapping
# expect: TypeError %c requires int or char
# expect: TypeError %x format: an integer is required, not float
# expect: TypeError must be real number, not str
# expect: ValueError incomplete format
# expect: ValueError incomplete format key
# expect: KeyError 'a'
# expect: TypeError * wants int
# expect: OverflowError %c arg not in range(0x110000)
# expect: TypeError not all arguments converted during string formatting
# expect: TypeError not enough arguments for format string
# expect: [0000000inf][-0000inf][000000NAN]
