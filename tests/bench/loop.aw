# bench: a while loop of 20M integer multiply/modulo/adds
def main():
    i = 0
    acc = 0
    while i < 20000000:
        acc = (acc + i * 7) % 1000003
        i += 1
    print(acc)


main()
