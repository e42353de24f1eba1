# a group of exceptions that were raised and caught carries their tracebacks and contexts
def f(n):
    if n == 0:
        raise ValueError("leaf")
    raise KeyError(n)
excs = []
for i in range(3):
    try:
        f(i)
    except Exception as e:
        excs.append(e)
def boom():
    try:
        raise TypeError("during")
    except TypeError:
        raise ExceptionGroup("grp", excs + [ExceptionGroup("sub", [RuntimeError("x")])])
boom()  # expect runtime error: +------------------------------------
