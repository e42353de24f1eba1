# exit()/quit() raise SystemExit
try:
    exit(3)
except SystemExit as e:
    print("SystemExit", e.code)
try:
    quit()
except SystemExit as e:
    print("SystemExit", e.code)
# expect: SystemExit 3
# expect: SystemExit None
