# repr/str of floats: shortest round-trip digits and the exponent switch.
vals = [0.0, -0.0, 0.1, 0.2 + 0.1, 1.0, 1.5, 100.0, 1e16, 1e15, 123456789012345678.0,
        1.5e-7, 1e-4, 0.0001, 0.00001, 1e22, 1e23, 5e-324, 1.7976931348623157e308,
        float("inf"), float("-inf"), float("nan"), 2.5, 9999999999999998.0, 1234.5678,
        -3.0, 1/3, 2/3, 10/3, 1e100, 123e-20]
for v in vals:
    print(repr(v), str(v))
print([0.1, 1e-5], (1.0,), {"k": 2.5})
# expect: 0.0 0.0
# expect: -0.0 -0.0
# expect: 0.1 0.1
# expect: 0.30000000000000004 0.30000000000000004
# expect: 1.0 1.0
# expect: 1.5 1.5
# expect: 100.0 100.0
# expect: 1e+16 1e+16
# expect: 1000000000000000.0 1000000000000000.0
# expect: 1.2345678901234568e+17 1.2345678901234568e+17
# expect: 1.5e-07 1.5e-07
# expect: 0.0001 0.0001
# expect: 0.0001 0.0001
# expect: 1e-05 1e-05
# expect: 1e+22 1e+22
# expect: 1e+23 1e+23
# expect: 5e-324 5e-324
# expect: 1.7976931348623157e+308 1.7976931348623157e+308
# expect: inf inf
# expect: -inf -inf
# expect: nan nan
# expect: 2.5 2.5
# expect: 9999999999999998.0 9999999999999998.0
# expect: 1234.5678 1234.5678
# expect: -3.0 -3.0
# expect: 0.3333333333333333 0.3333333333333333
# expect: 0.6666666666666666 0.6666666666666666
# expect: 3.3333333333333335 3.3333333333333335
# expect: 1e+100 1e+100
# expect: 1.23e-18 1.23e-18
# expect: [0.1, 1e-05] (1.0,) {'k': 2.5}
