# json.dump writes CPython's chunks one by one; a failure leaves the partial output
import json
class Rec:
    def __init__(self): self.parts = []
    def write(self, s): self.parts.append(s)
for obj, kw in [({"a": [1, 2, {"b": "x"}], "c": None}, {}), ([1, [2, 3], [], {}, "s"], {}),
                ({"k": [1, {"z": 2}]}, {"indent": 2}), ({"b": 1, "a": [True, 1.5]}, {"sort_keys": True}),
                ([{1, 2}, "after"], {"default": sorted}), ({(1,): 1, "ok": 2}, {"skipkeys": True}),
                ("top", {}), (5, {}), ([], {"indent": 1}), ([[]], {"indent": 1, "separators": (";", "=")})]:
    r = Rec()
    json.dump(obj, r, **kw)
    print(r.parts)
r = Rec()
try:
    json.dump({"a": 1, "b": [2, {3, 4}], "c": 5}, r)
except TypeError as e:
    print("TypeError:", e)
print(r.parts)
# expect: ['{', '"a"', ': ', '[1', ', 2', ', ', '{', '"b"', ': ', '"x"', '}', ']', ', ', '"c"', ': ', 'null', '}']
# expect: ['[1', ', ', '[2', ', 3', ']', ', ', '[]', ', ', '{}', ', "s"', ']']
# expect: ['{', '\n  ', '"k"', ': ', '[\n    1', ',\n    ', '{', '\n      ', '"z"', ': ', '2', '\n    ', '}', '\n  ', ']', '\n', '}']
# expect: ['{', '"a"', ': ', '[true', ', 1.5', ']', ', ', '"b"', ': ', '1', '}']
# expect: ['[', '[1', ', 2', ']', ', "after"', ']']
# expect: ['{', '"ok"', ': ', '2', '}']
# expect: ['"top"']
# expect: ['5']
# expect: ['[]']
# expect: ['[\n ', '[]', '\n', ']']
# expect: TypeError: Object of type set is not JSON serializable
# expect: ['{', '"a"', ': ', '1', ', ', '"b"', ': ', '[2', ', ']
