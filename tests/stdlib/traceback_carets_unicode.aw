# traceback markers on lines with non-ASCII text place the operator mark where CPython 3.11 does.
import traceback

def show(f):
    try:
        f()
    except Exception:
        print(traceback.format_exc().splitlines()[-2])

def add():
    é = 1; return é + "s"

def index():
    d = {"é": {}}
    return d["é"]["ü"]

def spaced():
    ab = 0
    return (ab) /  ab

show(add)
show(index)
show(spaced)
# expect:                   ~~~^~~~
# expect:            ~~~~~~^^^^^
# expect:            ~~~~~^~~~~
