# an exception raised while handling another: both are printed, the last one last
def parse(s):
    try:
        return int(s)
    except ValueError:
        raise LookupError("no number in " + repr(s))  # expect runtime error: LookupError: no number in 'abc'
print(parse("12"))
parse("abc")
# expect: 12
