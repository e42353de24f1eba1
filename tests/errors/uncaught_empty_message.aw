# an exception whose str() is empty prints just its class name
print("before")
raise RuntimeError()  # expect runtime error: RuntimeError
# expect: before
