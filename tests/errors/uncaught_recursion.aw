# unbounded recursion ends in RecursionError (repeated frames are collapsed)
def down(n):
    return down(n + 1)  # expect runtime error: RecursionError: maximum recursion depth exceeded
down(0)
