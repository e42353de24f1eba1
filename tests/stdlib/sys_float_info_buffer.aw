# sys.float_info limits and sys.stdout.buffer for bytes
import sys
fi = sys.float_info
print(fi.max, fi.epsilon, fi.min, fi.dig, fi.mant_dig, fi.max_exp, fi.min_10_exp, fi.radix)
sys.stdout.flush()
sys.stdout.buffer.write(b"raw bytes\n")
sys.stdout.buffer.flush()
print(sys.stdout.buffer.mode)
# expect: 1.7976931348623157e+308 2.220446049250313e-16 2.2250738585072014e-308 15 53 1024 -307 2
# expect: raw bytes
# expect: wb
