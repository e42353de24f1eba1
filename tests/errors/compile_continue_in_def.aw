while True:
    def g():
        continue  # expect error: 'continue' not properly in loop
