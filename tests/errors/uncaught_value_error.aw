# an uncaught ValueError raised two calls deep: traceback and "ValueError: bad"
def check(x):
    if x < 0:
        raise ValueError("bad")  # expect runtime error: ValueError: bad
    return x
def main():
    print(check(1))
    check(-1)
main()
# expect: 1
