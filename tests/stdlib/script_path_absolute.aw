# A script's __file__ and code filename are absolute, as CPython makes them
# (the test runner starts scripts by a path that may be relative).
import os


def f():
    pass


print(os.path.isabs(__file__), f.__code__.co_filename == __file__)
print(os.path.basename(__file__))
# expect: True True
# expect: script_path_absolute.aw
