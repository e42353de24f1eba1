# Set displays of many constants are built like CPython's (a folded frozenset).
print({0, 4, 17, 14, 85, -3, 3})
print({100, 36, 68, 4, 5, 6})
# expect: {0, 17, 3, 4, 85, -3, 14}
# expect: {4, 100, 5, 36, 68, 6}
