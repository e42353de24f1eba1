# A literal key without its value in a dict display.
prices = {"tea": 3, "cake"}  # expect error: ':' expected after dictionary key
