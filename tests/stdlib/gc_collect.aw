# gc: collect returns a count; enable/disable flags
import gc
print(type(gc.collect()).__name__, gc.isenabled())
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled())
# expect: int True
# expect: False
# expect: True
