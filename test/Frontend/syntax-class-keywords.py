# A class statement takes at most plain bases, no keywords.
# RUN: not %janusc %s 2>&1 | FileCheck %s --implicit-check-not=error:
class Meta:
    pass
class Model(object, metaclass=Meta):
    pass
# CHECK: syntax-class-keywords.py:[[@LINE-2]]:21: error: class keyword arguments (such as 'metaclass=') are not supported in Janus Python; write 'class Name(Base):'
