# raise with a class, an instance, a non-exception, and a bare raise
def attempt(f):
    try:
        f()
    except BaseException as e:
        print(type(e).__name__ + ":", repr(e))
def raise_class():
    raise IndexError
def raise_instance():
    raise IndexError("i")
def raise_int():
    raise 5
def raise_bare():
    raise
def raise_object_class():
    raise int
attempt(raise_class)
attempt(raise_instance)
attempt(raise_int)
attempt(raise_bare)
attempt(raise_object_class)
class Custom(Exception):
    def __init__(self):
        super().__init__("made by init")
attempt(lambda: (_ for _ in ()).throw(Custom))
def raise_custom():
    raise Custom
attempt(raise_custom)
# expect: IndexError: IndexError()
# expect: IndexError: IndexError('i')
# expect: TypeError: TypeError('exceptions must derive from BaseException')
# expect: RuntimeError: RuntimeError('No active exception to reraise')
# expect: TypeError: TypeError('exceptions must derive from BaseException')
# expect: Custom: Custom('made by init')
# expect: Custom: Custom('made by init')
