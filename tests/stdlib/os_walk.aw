# os.walk: top-down (with pruning of dirs) and bottom-up
import os
base = "/tmp/aw_os_walk_test"
def rmtree(p):
    for name in os.listdir(p):
        full = os.path.join(p, name)
        if os.path.isdir(full):
            rmtree(full)
        else:
            os.remove(full)
    os.rmdir(p)
if os.path.exists(base):
    rmtree(base)
for d in ["a/b", "a/c", "skip/deep"]:
    os.makedirs(os.path.join(base, d))
for f in ["top.txt", "a/one.txt", "a/b/two.txt", "skip/deep/x.txt"]:
    with open(os.path.join(base, f), "w") as fh:
        fh.write(f)
def rel(p):
    return os.path.relpath(p, base)
for root, dirs, files in os.walk(base):
    dirs.sort()
    if "skip" in dirs:
        dirs.remove("skip")
    print(rel(root), dirs, sorted(files))
print(sorted(rel(r) for r, d, f in os.walk(base, topdown=False)))
print(list(os.walk("/nonexistent_aw_dir")))
rmtree(base)
# expect: . ['a'] ['top.txt']
# expect: a ['b', 'c'] ['one.txt']
# expect: a/b [] ['two.txt']
# expect: a/c [] []
# expect: ['.', 'a', 'a/b', 'a/c', 'skip', 'skip/deep']
# expect: []
