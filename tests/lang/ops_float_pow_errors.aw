# float ** errors: overflow
try:
    print(2.0 ** 10000)
except OverflowError as e:
    print("OverflowError:", e)
try:
    print(10 ** 400.0)
except OverflowError as e:
    print("OverflowError:", e)
print(1e308 * 10, -1e308 * 10)
# expect: OverflowError: (34, 'Numerical result out of range')
# expect: OverflowError: (34, 'Numerical result out of range')
# expect: inf -inf
