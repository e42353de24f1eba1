# a nested exception group with a chained sub-exception
def sub():
    try:
        raise KeyError("k")
    except KeyError as e:
        return ValueError("from handler")
inner = ExceptionGroup("inner", [sub(), OSError("os")])
raise ExceptionGroup("outer", [inner, RuntimeError("rt")])  # expect runtime error: +------------------------------------
