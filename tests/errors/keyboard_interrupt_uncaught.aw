# An uncaught KeyboardInterrupt ends the process by SIGINT, as CPython does (a shell reports 130).
def work():
    print("working")
    raise KeyboardInterrupt  # expect runtime error: KeyboardInterrupt

try:
    work()
finally:
    print("finally ran")
# expect: working
# expect: finally ran
# expect exit: 130
