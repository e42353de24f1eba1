# Fused local/constant arithmetic (superinstructions) behaves as the plain
# operations: every operator, negative operands, floats, mixed types.
def ops(a, b):
    r = []
    r.append(a + b)
    r.append(a - b)
    r.append(a * b)
    r.append(a // b)
    r.append(a % b)
    r.append(a / b)
    return r

def bits(a, b):
    x = a & b
    y = a | b
    z = a ^ b
    return [x, y, z, a << b, a >> b]

def consts(a):
    s = a + 1
    t = a - 3
    u = a * 7
    v = a % 5
    w = a // -4
    q = a / 2
    return [s, t, u, v, w, q, a % -3, a // 3]

def shifts(a):
    return [a << 2, a >> 1, a & 6, a | 1, a ^ 9]

print(ops(7, 3))
print(ops(-7, 3))
print(ops(7, -3))
print(ops(-7, -3))
print(ops(7.5, 2))
print(ops(7, 2.5))
print(ops(-7.5, -2.0))
print(bits(12, 3))
print(bits(-12, 2))
print(consts(17))
print(consts(-17))
print(shifts(17), shifts(-17))
print(consts(2.5)[:6])
print(ops(True, 2))
print(ops(10**15, 7))
x = 9007199254740993
print(x / 1, x / 3, 1 / x)
n = -9223372036854775807 - 1
print(n % -1, n // 1, n % 7, n // 7)
print(n >> 70, n >> 63, 5 >> 64, 1 << 62)

def inplace(a):
    a += 3
    a -= 1
    a *= 2
    a //= 3
    a %= 5
    return a

print(inplace(10), inplace(-10), inplace(2.5))

def strs(a, b):
    c = a + b
    c += "!"
    return c * 2

print(strs("ab", "cd"))
print([1, 2] + [3], (1,) + (2,))
# expect: [10, 4, 21, 2, 1, 2.3333333333333335]
# expect: [-4, -10, -21, -3, 2, -2.3333333333333335]
# expect: [4, 10, -21, -3, -2, -2.3333333333333335]
# expect: [-10, -4, 21, 2, -1, 2.3333333333333335]
# expect: [9.5, 5.5, 15.0, 3.0, 1.5, 3.75]
# expect: [9.5, 4.5, 17.5, 2.0, 2.0, 2.8]
# expect: [-9.5, -5.5, 15.0, 3.0, -1.5, 3.75]
# expect: [0, 15, 15, 96, 1]
# expect: [0, -10, -10, -48, -3]
# expect: [18, 14, 119, 2, -5, 8.5, -1, 5]
# expect: [-16, -20, -119, 3, 4, -8.5, -2, -6]
# expect: [68, 8, 0, 17, 24] [-68, -9, 6, -17, -26]
# expect: [3.5, -0.5, 17.5, 2.5, -1.0, 1.25]
# expect: [3, -1, 2, 0, 1, 0.5]
# expect: [1000000000000007, 999999999999993, 7000000000000000, 142857142857142, 6, 142857142857142.84]
# expect: 9007199254740992.0 3002399751580331.0 1.1102230246251564e-16
# expect: 0 -9223372036854775808 6 -1317624576693539402
# expect: -1 -1 0 4611686018427387904
# expect: 3 4 3.0
# expect: abcd!abcd!
# expect: [1, 2, 3] (1, 2)
