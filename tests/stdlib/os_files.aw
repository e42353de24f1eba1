# os: mkdir, makedirs, listdir, rename, remove, rmdir, stat and their errors
import os
base = "/tmp/aw_os_files_test"
if os.path.exists(base):
    for name in os.listdir(base):
        p = os.path.join(base, name)
        if os.path.isdir(p):
            for sub in os.listdir(p):
                os.rmdir(os.path.join(p, sub)) if os.path.isdir(os.path.join(p, sub)) else os.remove(os.path.join(p, sub))
            os.rmdir(p)
        else:
            os.remove(p)
    os.rmdir(base)
os.mkdir(base)
with open(os.path.join(base, "a.txt"), "w") as f:
    f.write("12345")
os.makedirs(os.path.join(base, "d1", "d2"))
os.makedirs(os.path.join(base, "d1"), exist_ok=True)
print(sorted(os.listdir(base)), os.listdir(os.path.join(base, "d1")))
print(os.path.getsize(os.path.join(base, "a.txt")), os.stat(os.path.join(base, "a.txt")).st_size)
os.rename(os.path.join(base, "a.txt"), os.path.join(base, "b.txt"))
print(sorted(os.listdir(base)), os.path.isfile(os.path.join(base, "b.txt")), os.path.isdir(os.path.join(base, "d1")))
os.remove(os.path.join(base, "b.txt"))
os.rmdir(os.path.join(base, "d1", "d2"))
os.rmdir(os.path.join(base, "d1"))
print(os.listdir(base))
os.rmdir(base)
print(os.path.exists(base))
calls = [lambda: os.mkdir("/tmp"), lambda: os.rmdir("/nonexistent_aw"), lambda: os.listdir("/nonexistent_aw"),
         lambda: os.remove("/nonexistent_aw"), lambda: os.path.getsize("/nonexistent_aw"),
         lambda: os.makedirs("/tmp"), lambda: os.rename("/nonexistent_aw/a", "/tmp/b")]
for c in calls:
    try:
        c()
    except OSError as e:
        print(type(e).__name__ + ":", e, e.errno)
# expect: ['a.txt', 'd1'] ['d2']
# expect: 5 5
# expect: ['b.txt', 'd1'] True True
# expect: []
# expect: False
# expect: FileExistsError: [Errno 17] File exists: '/tmp' 17
# expect: FileNotFoundError: [Errno 2] No such file or directory: '/nonexistent_aw' 2
# expect: FileNotFoundError: [Errno 2] No such file or directory: '/nonexistent_aw' 2
# expect: FileNotFoundError: [Errno 2] No such file or directory: '/nonexistent_aw' 2
# expect: FileNotFoundError: [Errno 2] No such file or directory: '/nonexistent_aw' 2
# expect: FileExistsError: [Errno 17] File exists: '/tmp' 17
# expect: FileNotFoundError: [Errno 2] No such file or directory: '/nonexistent_aw/a' -> '/tmp/b' 2
