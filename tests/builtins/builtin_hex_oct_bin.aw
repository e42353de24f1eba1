# hex, oct, bin incl. negatives and __index__
print(hex(255), hex(-31), hex(0), oct(8), oct(-8), bin(5), bin(-5), bin(0), hex(True))
print(hex(9223372036854775807), hex(-9223372036854775807 - 1), bin(-9223372036854775807 - 1))
class I:
    def __index__(self): return 10
print(hex(I()), oct(I()), bin(I()))
for f in (hex, oct, bin):
    try:
        f(1.5)
    except TypeError as e:
        print("TypeError:", e)
# expect: 0xff -0x1f 0x0 0o10 -0o10 0b101 -0b101 0b0 0x1
# expect: 0x7fffffffffffffff -0x8000000000000000 -0b1000000000000000000000000000000000000000000000000000000000000000
# expect: 0xa 0o12 0b1010
# expect: TypeError: 'float' object cannot be interpreted as an integer
# expect: TypeError: 'float' object cannot be interpreted as an integer
# expect: TypeError: 'float' object cannot be interpreted as an integer
