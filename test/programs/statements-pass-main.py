# if __name__ == "__main__" guard, pass in functions/classes/branches, a main() function.
class Empty:
    pass
def noop():
    pass
def main():
    e = Empty()
    e.tag = "set later"
    print(e.tag, noop())
    for _ in range(2):
        pass
    print(__name__)
if __name__ == "__main__":
    main()
else:
    print("imported")
