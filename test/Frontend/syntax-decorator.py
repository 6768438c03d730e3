# Decorators are rejected at the '@'.
# RUN: not %janusc %s 2>&1 | FileCheck %s --implicit-check-not=error:
class Net:
    @staticmethod
    def make():
        return Net()
# CHECK: syntax-decorator.py:[[@LINE-3]]:5: error: decorators are not supported in Janus Python; remove the decorator and call the wrapping function explicitly
