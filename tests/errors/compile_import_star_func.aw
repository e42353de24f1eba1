def f():
    from math import *  # expect error: import * only allowed at module level
