# Run by run_script.c: prints a little, then fails two calls deep.
def ratio(a, b):
    return a / b

def report(values):
    for v in values:
        print("ratio", v, ratio(10, v))

report([5, 2, 0])
