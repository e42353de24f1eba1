# sys.exc_info() and sys.exception() inside and outside handlers
import sys
print(sys.exc_info(), sys.exception())
try:
    raise ValueError("boom")
except ValueError:
    t, v, tb = sys.exc_info()
    print(t.__name__, v, sys.exception() is v)
    try:
        raise KeyError("inner")
    except KeyError:
        print(sys.exc_info()[0].__name__)
    print(sys.exc_info()[0].__name__)
print(sys.exc_info())
# expect: (None, None, None) None
# expect: ValueError boom True
# expect: KeyError
# expect: ValueError
# expect: (None, None, None)
