# sys.exit raises SystemExit with the code
import sys
for args in [(), (0,), (3,), ("message",)]:
    try:
        sys.exit(*args)
    except SystemExit as e:
        print("SystemExit", repr(e.code), e.args)
try:
    sys.exit(1, 2)
except TypeError as e:
    print("TypeError")
# expect: SystemExit None ()
# expect: SystemExit 0 (0,)
# expect: SystemExit 3 (3,)
# expect: SystemExit 'message' ('message',)
# expect: TypeError
