# async/await are rejected.
# RUN: not %janusc %s 2>&1 | FileCheck %s --implicit-check-not=error:
async def fetch(x):
    return x
# CHECK: syntax-async.py:[[@LINE-2]]:1: error: 'async' is not supported in Janus Python; write ordinary synchronous code
def use(x):
    return await x
# CHECK: syntax-async.py:[[@LINE-1]]:12: error: 'await' is not supported in Janus Python; write ordinary synchronous code
