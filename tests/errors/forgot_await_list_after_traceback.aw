# Coroutines never awaited inside a list held by a traceback frame also warn at exit, after the traceback.
async def fetch(n):
    return n

def total():
    jobs = [fetch(1)]
    return jobs[0] + 1  # expect runtime error: sys:1: RuntimeWarning: coroutine 'fetch' was never awaited

total()
