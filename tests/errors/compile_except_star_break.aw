for i in range(2):
    try:
        pass
    except* ValueError:
        break  # expect error: cannot appear in an except* block
