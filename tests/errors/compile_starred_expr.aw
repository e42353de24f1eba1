a = [1]
x = *a  # expect error: can't use starred expression here
