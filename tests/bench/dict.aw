# bench: 1M string keys built, then looked up
def main():
    d = {}
    for i in range(1000000):
        d["key" + str(i)] = i
    total = 0
    for i in range(1000000):
        total += d["key" + str(i)]
    print(len(d), total)


main()
