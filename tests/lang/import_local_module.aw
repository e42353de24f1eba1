# importing a .aw module that sits beside the script, with aliases
# aw-only: CPython cannot import .aw modules
import helper_module
import helper_module as hm
from helper_module import square, Point as P
print(helper_module.square(4), hm is helper_module, square(3))
print(P(1, 2), helper_module.__name__)
try:
    from helper_module import missing_name
except ImportError as e:
    print("ImportError:", e.__class__.__name__)
try:
    import no_such_module_here
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e)
# expect: 16 True 9
# expect: Point(1, 2) helper_module
# expect: ImportError: ImportError
# expect: ModuleNotFoundError: No module named 'no_such_module_here'
