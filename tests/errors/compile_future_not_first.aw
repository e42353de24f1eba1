# A __future__ import after other statements.
import math
from __future__ import annotations  # expect error: from __future__ imports must occur at the beginning of the file
