# int methods and attributes: bit_length, bit_count, to_bytes, from_bytes,
# as_integer_ratio, conjugate, real/imag/numerator/denominator.
def check(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
print((5).bit_length(), (-5).bit_length(), (0).bit_length(), (255).bit_count(), (-7).bit_count())
print((255).to_bytes(2, "big"), (255).to_bytes(2, "little"), (255).to_bytes(1), (0).to_bytes(0, "big"))
print((-1).to_bytes(2, "big", signed=True), (-129).to_bytes(2, "little", signed=True), (1).to_bytes(10, "big"))
print(int.from_bytes(b"\x01\x00", "big"), int.from_bytes(b"\x01\x00", "little"), int.from_bytes(b"\xff\xff", "big", signed=True))
print(int.from_bytes(b"\x01\x00"), int.from_bytes([1, 2], "big"), int.from_bytes(b"", "big"), int.from_bytes(b"\x80", "big", signed=True))
print((6).as_integer_ratio(), (5).conjugate(), (5).real, (5).imag, (5).numerator, (5).denominator)
print((5).__index__(), (True).bit_length(), True.real, (3).__float__(), (-3).__abs__())
print(round(15, -1), round(25, -1), (15).__round__(-1), (7).__round__())
check(lambda: (256).to_bytes(1, "big"))
check(lambda: (-1).to_bytes(2, "big"))
check(lambda: (1).to_bytes(2, "middle"))
check(lambda: (1).to_bytes(-1, "big"))
check(lambda: int.from_bytes(b"\x01", "sideways"))
check(lambda: (5).bit_length(1))
# expect: 3 3 0 8 3
# expect: b'\x00\xff' b'\xff\x00' b'\xff' b''
# expect: b'\xff\xff' b'\x7f\xff' b'\x00\x00\x00\x00\x00\x00\x00\x00\x00\x01'
# expect: 256 1 -1
# expect: 256 258 0 -128
# expect: (6, 1) 5 5 0 5 1
# expect: 5 1 1 3.0 3
# expect: 20 20 20 7
# expect: OverflowError int too big to convert
# expect: OverflowError can't convert negative int to unsigned
# expect: ValueError byteorder must be either 'little' or 'big'
# expect: ValueError length argument must be non-negative
# expect: ValueError byteorder must be either 'little' or 'big'
# expect: TypeError int.bit_length() takes no arguments (1 given)
