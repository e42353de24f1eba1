# json.dump / json.load through file objects
import json
path = "/tmp/aw_json_dump_load.json"
with open(path, "w") as f:
    json.dump({"x": [1, 2, {"y": "z"}], "n": None}, f, indent=1)
with open(path) as f:
    print(f.read())
with open(path) as f:
    print(json.load(f))
# expect: {
# expect:  "x": [
# expect:   1,
# expect:   2,
# expect:   {
# expect:    "y": "z"
# expect:   }
# expect:  ],
# expect:  "n": null
# expect: }
# expect: {'x': [1, 2, {'y': 'z'}], 'n': None}
