# upper / lower / title / capitalize / swapcase / casefold, ASCII and Unicode.
print("Hello World".upper(), "Hello World".lower(), "hello wORLD".title())
print("hello WORLD".capitalize(), "Hello World".swapcase(), "Straße".casefold())
print("straße".upper(), "ǅungla".lower(), "ǆungla".title(), "ŉ".upper())
print("ΑΣ ΑΣΑ Σ".lower(), "ÉCOLE".lower(), "éCOLE".capitalize())
print("they're bill's friends".title(), "123abc def".title(), "ﬁre".upper())
print("İstanbul".lower(), len("İ".lower()), "ΐ".upper())
print("дом Дом".upper(), "ÀÉÎ".swapcase(), "".upper(), "123".lower())
# expect: HELLO WORLD hello world Hello World
# expect: Hello world hELLO wORLD strasse
# expect: STRASSE ǆungla ǅungla ʼN
# expect: ας ασα σ école École
# expect: They'Re Bill'S Friends 123Abc Def FIRE
# expect: i̇stanbul 2 Ϊ́
# expect: ДОМ ДОМ àéî  123
