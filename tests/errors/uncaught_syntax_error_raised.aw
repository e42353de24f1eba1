# a SyntaxError raised at run time prints its location, then "SyntaxError: msg"
raise SyntaxError("invalid thing", ("prog.aw", 1, 3, "a b c\n"))  # expect runtime error: SyntaxError: invalid thing
