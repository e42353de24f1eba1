x = 1
return x  # expect error: 'return' outside function
