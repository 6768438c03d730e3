# Relative imports and star imports are rejected.
# RUN: not %janusc %s 2>&1 | FileCheck %s --implicit-check-not=error:
from . import models
# CHECK: syntax-imports.py:[[@LINE-1]]:1: error: relative imports are not supported in Janus Python; import the module by its full name
from torch import *
# CHECK: syntax-imports.py:[[@LINE-1]]:19: error: 'from ... import *' is not supported in Janus Python; import the names you use explicitly
