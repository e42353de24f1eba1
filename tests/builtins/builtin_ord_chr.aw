# ord() and chr()
print(ord("a"), ord("é"), ord("\u20ac"), ord("\U0001f600"), ord(b"A"))
print(chr(97), chr(233), chr(0x20ac), chr(0x1f600), chr(0) == "\x00")
for call in [lambda: ord("ab"), lambda: ord(""), lambda: ord(1), lambda: chr(-1),
             lambda: chr(0x110000), lambda: chr("a"), lambda: ord(b"ab")]:
    try:
        call()
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
# expect: 97 233 8364 128512 65
# expect: a é € 😀 True
# expect: TypeError: ord() expected a character, but string of length 2 found
# expect: TypeError: ord() expected a character, but string of length 0 found
# expect: TypeError: ord() expected string of length 1, but int found
# expect: ValueError: chr() arg not in range(0x110000)
# expect: ValueError: chr() arg not in range(0x110000)
# expect: TypeError: 'str' object cannot be interpreted as an integer
# expect: TypeError: ord() expected a character, but string of length 2 found
