def f(a):
    global a  # expect error: name 'a' is parameter and global
