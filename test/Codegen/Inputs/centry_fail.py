# A module whose body fails (c-entry-points-errors.test): centry_fail_init
# must return the exception, and a second call must not run the body again.
print("body runs")
table = {"a": 1}
print(table["b"])


def never_callable(x):
    return x
