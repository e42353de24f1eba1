# json.dumps errors: unserializable, bad keys, circular, allow_nan
import json
class Foo: pass
for obj in [{1, 2}, b"x", Foo(), {(1, 2): 3}]:
    try:
        json.dumps(obj)
    except TypeError as e:
        print("TypeError:", e)
try:
    json.dumps({1: 2, "a": 3}, sort_keys=True)
except TypeError as e:
    print("TypeError:", e)
try:
    json.dumps([float("nan")], allow_nan=False)
except ValueError as e:
    print("ValueError:", e)
a = []
a.append(a)
try:
    json.dumps(a)
except ValueError as e:
    print("ValueError:", e)
d = {}
d["self"] = d
try:
    json.dumps(d)
except ValueError as e:
    print("ValueError:", e)
shared = [1]
print(json.dumps([shared, shared]))
# expect: TypeError: Object of type set is not JSON serializable
# expect: TypeError: Object of type bytes is not JSON serializable
# expect: TypeError: Object of type Foo is not JSON serializable
# expect: TypeError: keys must be str, int, float, bool or None, not tuple
# expect: TypeError: '<' not supported between instances of 'str' and 'int'
# expect: ValueError: Out of range float values are not JSON compliant
# expect: ValueError: Circular reference detected
# expect: ValueError: Circular reference detected
# expect: [[1], [1]]
