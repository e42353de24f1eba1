# A relative import in a script: there is no parent package.
from . import helpers  # expect runtime error: ImportError: attempted relative import with no known parent package
