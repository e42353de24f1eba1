print(sep="", sep=" ")  # expect error: keyword argument repeated: sep
