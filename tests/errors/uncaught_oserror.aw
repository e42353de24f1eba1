# OSError built with errno, strerror and filename becomes FileNotFoundError
raise OSError(2, "No such file or directory", "data.txt")  # expect runtime error: FileNotFoundError: [Errno 2] No such file or directory: 'data.txt'
