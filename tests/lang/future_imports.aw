# from __future__ imports at the top of a file are accepted and change nothing visible.
"""Module docstring."""
from __future__ import annotations
from __future__ import generator_stop, division

def area(w: float, h: float) -> float:
    return w * h

print(area(2, 3), 7 / 2, __doc__)
# expect: 6 3.5 Module docstring.
