# sys.exit(n) ends the script with status n; finally blocks still run
import sys
try:
    print("before")
    sys.exit(3)
finally:
    print("finally")
print("not reached")

# expect: before
# expect: finally
# expect exit: 3
