# time: clocks advance; sleep blocks
import time
t0 = time.time()
m0 = time.monotonic()
p0 = time.perf_counter()
n0 = time.monotonic_ns()
time.sleep(0.02)
print(time.time() > t0, time.monotonic() - m0 >= 0.015, time.perf_counter() > p0)
print(time.monotonic_ns() > n0, type(time.time_ns()).__name__, type(time.perf_counter_ns()).__name__)
print(time.process_time() >= 0, time.time() > 1600000000)
time.sleep(0)
for bad in [-1, "a"]:
    try:
        time.sleep(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
# expect: True True True
# expect: True int int
# expect: True True
# expect: ValueError: sleep length must be non-negative
# expect: TypeError: 'str' object cannot be interpreted as an integer
