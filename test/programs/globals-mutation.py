# global declarations: rebinding globals from functions, counters, reading without global.
counter = 0
history = []
def bump(step=1):
    global counter
    counter += step
    history.append(counter)
    return counter
def reset():
    global counter, history
    counter = 0
    history = []
def read():
    return counter * 2
bump()
bump(5)
print(counter, history, read())
old = history
reset()
print(counter, history, old)
def make_global():
    global created
    created = "made in a function"
make_global()
print(created)
