# del takes names and subscripts; attributes cannot be deleted.
# RUN: not %janusc %s 2>&1 | FileCheck %s --implicit-check-not=error:
class Box:
    def __init__(self):
        self.item = 1
b = Box()
del b.item
# CHECK: syntax-del-attribute.py:[[@LINE-1]]:5: error: deleting attributes ('del obj.attr') is not supported in Janus Python; assign None to the attribute instead
xs = [1, 2]
del xs[0], b
