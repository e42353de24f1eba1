for i in range(3):
    pass
break  # expect error: 'break' outside loop
