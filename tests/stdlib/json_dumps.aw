# json.dumps: all value types, separators, indent, sort_keys, ensure_ascii
import json
print(json.dumps({"a": [1, 2.5, None, True, False], "b": "text", "c": {}}))
print(json.dumps([1, [2, []], {}], indent=0))
print(json.dumps({"a": [1, {"b": None}], "c": []}, indent=2))
print(json.dumps([1, 2], indent="\t"))
print(json.dumps({"b": 1, "a": 2}, sort_keys=True, separators=(",", ":")))
print(json.dumps({1: True, 2.5: False, None: "x", True: 1, False: 0}))
print(json.dumps("é\u2028\n\x01\x7f\"\\/\U0001f600"))
print(json.dumps("é\n\x01\U0001f600", ensure_ascii=False))
print(json.dumps([float("nan"), float("inf"), -float("inf"), 1e16, 0.1, -0.0, 1e-07, 123456789.123]))
print(json.dumps((1, 2)), json.dumps("abc"), json.dumps(None), json.dumps(-5))
print(json.dumps({(1,): 1, "b": 2}, skipkeys=True), json.dumps({1, 2} and [1], default=list))
print(json.dumps({"x": {1, 2}}, default=sorted))
print(json.dumps([1, {"a": 2}], indent=2, separators=(",", " = ")))
print(json.dumps({"k": [1, 2]}, indent=-1))
# expect: {"a": [1, 2.5, null, true, false], "b": "text", "c": {}}
# expect: [
# expect: 1,
# expect: [
# expect: 2,
# expect: []
# expect: ],
# expect: {}
# expect: ]
# expect: {
# expect:   "a": [
# expect:     1,
# expect:     {
# expect:       "b": null
# expect:     }
# expect:   ],
# expect:   "c": []
# expect: }
# expect: [
# expect: 	1,
# expect: 	2
# expect: ]
# expect: {"a":2,"b":1}
# expect: {"1": 1, "2.5": false, "null": "x", "false": 0}
# expect: "\u00e9\u2028\n\u0001\u007f\"\\/\ud83d\ude00"
# expect: "é\n\u0001😀"
# expect: [NaN, Infinity, -Infinity, 1e+16, 0.1, -0.0, 1e-07, 123456789.123]
# expect: [1, 2] "abc" null -5
# expect: {"b": 2} [1]
# expect: {"x": [1, 2]}
# expect: [
# expect:   1,
# expect:   {
# expect:     "a" = 2
# expect:   }
# expect: ]
# expect: {
# expect: "k": [
# expect: 1,
# expect: 2
# expect: ]
# expect: }
