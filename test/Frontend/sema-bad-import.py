# Only the modules of Janus's library can be imported; anything else is
# rejected at the module name with the list of what is available. Uses of a
# badly imported name are not reported again.
# RUN: not %janusc %s 2>&1 | FileCheck %s --implicit-check-not=error:
import numpy
# CHECK: sema-bad-import.py:[[@LINE-1]]:8: error: module 'numpy' is not available in Janus Python; Janus supports torch, torch.nn, torch.nn.functional, torch.optim, math, random and time
import torch, torch.utils.data as data
# CHECK: sema-bad-import.py:[[@LINE-1]]:15: error: module 'torch.utils.data' is not available in Janus Python
from os import path
# CHECK: sema-bad-import.py:[[@LINE-1]]:6: error: module 'os' is not available in Janus Python
x = numpy.zeros(3) + data + path
