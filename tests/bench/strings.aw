# bench: build, split, join and format 1M short strings
def main():
    parts = []
    for i in range(1000000):
        parts.append(f"item-{i}:{i % 97}")
    joined = ",".join(parts)
    pieces = joined.split(",")
    total = 0
    for p in pieces:
        name, value = p.split(":")
        total += int(value) + len(name)
    print(len(pieces), total)


main()
