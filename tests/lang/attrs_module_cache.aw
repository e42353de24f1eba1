# module.name reads and module.f() calls take a cached path; rebinding,
# deleting and adding module globals must show through it.
import math
import sys

me = sys.modules[__name__]
value = 1

def read():
    return me.value

def call():
    return me.helper()

def helper():
    return "helper"

print(read(), call(), math.floor(2.5), me.__name__)
value = 2
print(read())
globals()["value"] = 3
print(read())
del globals()["value"]
try:
    read()
except AttributeError as e:
    print("AttributeError:", e)
value = 4
print(read())
helper = lambda: "replaced"
print(call())
setattr(me, "helper", lambda: "via setattr")
print(call())
for i in range(3):
    print(math.sqrt(i * i), math.pi > 3)
# expect: 1 helper 2 __main__
# expect: 2
# expect: 3
# expect: AttributeError: module '__main__' has no attribute 'value'
# expect: 4
# expect: replaced
# expect: via setattr
# expect: 0.0 True
# expect: 1.0 True
# expect: 2.0 True
