# A def name followed by something other than its parameter list.
def area[T](w, h):  # expect error: expected '('
    return w * h
