# an uncaught ExceptionGroup: the last stderr line closes the group's box
def fail():
    raise ExceptionGroup("several", [ValueError("one"), TypeError("two")])  # expect runtime error: +------------------------------------
print("start")
fail()
# expect: start
