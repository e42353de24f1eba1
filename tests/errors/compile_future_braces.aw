# An unknown __future__ feature.
from __future__ import braces  # expect error: not a chance
