# str.format_map looks keys up in any mapping; positional fields fail.
def check(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
print("{a}-{b}".format_map({"a": 1, "b": 2}))
print("{name} {x:>4}".format_map({"name": "n", "x": 5}))
check(lambda: "{a}".format_map({}))
check(lambda: "{0}".format_map({}))
check(lambda: "{}".format_map({}))
check(lambda: "x".format_map())
# expect: 1-2
# expect: n    5
# expect: KeyError 'a'
# expect: ValueError Format string contains positional fields
# expect: ValueError Format string contains positional fields
# expect: TypeError str.format_map() takes exactly one argument (0 given)
