# `janus run --profile-out` records, for every attribute read and write of
# a user object, the receiver's type and its instance attributes in the
# order it gained them, as they are *before* the access ("attrs" sites,
# sets in first-seen order); and for every method call, the target: the
# receiver's type and the method name (`TYPE.method`, the receiver's type
# also when the method is inherited; `str.upper`, `list.append` for
# builtin receivers), a user function's or class's qualified name for a
# plain call (targets sorted by name). The expected sets and counts are
# worked out from the program by hand next to each check.
# RUN: %pycheck %s
# RUN: rm -f %t.json
# RUN: janus run --profile-out=%t.json %s | FileCheck --check-prefix=OUT %s
# RUN: FileCheck --input-file=%t.json %s
# RUN: janus profile %t.json | FileCheck --check-prefix=SUMMARY %s

# SUMMARY: profile {{.*}}.json: {{[0-9]+}} sites


class Shape:
    def __init__(self, name, size):
        # Each of the 4 objects below runs this once, with no attributes yet.
        # CHECK-DAG: "janus-run-profile-attrs-methods.py:[[@LINE+1]]:14 attrs name": {"kind": "attrs", "function": "Shape.__init__", "count": 4, "sets": [{"type": "Square", "attributes": [], "count": 3}, {"type": "Circle", "attributes": [], "count": 1}]}
        self.name = name
        # Then with `name` alone.
        # CHECK-DAG: "janus-run-profile-attrs-methods.py:[[@LINE+1]]:14 attrs size": {"kind": "attrs", "function": "Shape.__init__", "count": 4, "sets": [{"type": "Square", "attributes": ["name"], "count": 3}, {"type": "Circle", "attributes": ["name"], "count": 1}]}
        self.size = size

    def describe(self):
        # describe() reads self.name once per call: objects 0 and 2 have
        # gained `hot` by then (mark sets it before calling describe),
        # objects 1 and 3 have not. First seen: object 0 (a Square with hot).
        # CHECK-DAG: "janus-run-profile-attrs-methods.py:[[@LINE+10]]:16 attrs name": {"kind": "attrs", "function": "Shape.describe", "count": 4, "sets": [{"type": "Square", "attributes": ["name", "size", "hot"], "count": 2}, {"type": "Square", "attributes": ["name", "size"], "count": 1}, {"type": "Circle", "attributes": ["name", "size"], "count": 1}]}
        # SUMMARY: janus-run-profile-attrs-methods.py:[[@LINE+9]]:16 attrs name  [attrs] in Shape.describe{{$}}
        # SUMMARY-NEXT: 4 accesses, 3 attribute sets
        # SUMMARY-NEXT: Square {name, size, hot}  2 (50.0%)
        # SUMMARY-NEXT: Square {name, size}       1 (25.0%)
        # SUMMARY-NEXT: Circle {name, size}       1 (25.0%)
        # self.name.upper(): the receiver is a str each time.
        # CHECK-DAG: "janus-run-profile-attrs-methods.py:[[@LINE+3]]:16 call target": {"kind": "call", "function": "Shape.describe", "count": 4, "targets": [{"target": "str.upper", "count": 4}]}
        # self.area() (column 46) dispatches on the receiver: 3 Squares, 1 Circle.
        # CHECK-DAG: "janus-run-profile-attrs-methods.py:[[@LINE+1]]:46 call target": {"kind": "call", "function": "Shape.describe", "count": 4, "targets": [{"target": "Circle.area", "count": 1}, {"target": "Square.area", "count": 3}]}
        return self.name.upper() + ":" + str(self.area())


class Square(Shape):
    def area(self):
        return self.size * self.size


class Circle(Shape):
    def area(self):
        return 3 * self.size * self.size


def mark(shape, k):
    # k = 0..3: `hot` is added to objects 0 and 2 only (both Squares, see
    # below), each of which has name and size at that point.
    if k % 2 == 0:
        # CHECK-DAG: "janus-run-profile-attrs-methods.py:[[@LINE+1]]:15 attrs hot": {"kind": "attrs", "function": "mark", "count": 2, "sets": [{"type": "Square", "attributes": ["name", "size"], "count": 2}]}
        shape.hot = True
    # describe() runs once per object; the receiver is a Square for k in
    # {0, 1, 2} and a Circle for k = 3, and the method is Shape's
    # (inherited), but the target names the receiver's type.
    # CHECK-DAG: "janus-run-profile-attrs-methods.py:[[@LINE+1]]:12 call target": {"kind": "call", "function": "mark", "count": 4, "targets": [{"target": "Circle.describe", "count": 1}, {"target": "Square.describe", "count": 3}]}
    return shape.describe()


shapes = [Square("a", 1), Square("b", 2), Square("c", 3), Circle("d", 1)]
out = []
for k in range(4):
    # `out.append` on a list, 4 times.
    # CHECK-DAG: "janus-run-profile-attrs-methods.py:[[@LINE+1]]:5 call target": {"kind": "call", "function": "<module>", "count": 4, "targets": [{"target": "list.append", "count": 4}]}
    out.append(mark(shapes[k], k))
# OUT: ['A:1', 'B:4', 'C:9', 'D:3']
print(out)

