# an exception passing through finally blocks and a bare re-raise
def work():
    try:
        raise IndexError("idx")  # expect runtime error: IndexError: idx
    finally:
        print("cleanup")
def outer():
    try:
        work()
    except IndexError:
        print("seen")
        raise
outer()
# expect: cleanup
# expect: seen
