__debug__ = 1  # expect error: cannot assign to __debug__
