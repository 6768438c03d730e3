# Calling a method a list does not have: AttributeError naming the type.
# EXPECT-ERROR: AttributeError: 'list' object has no attribute 'push'
# EXPECT-LOCATION: 6:1
stack = []
stack.append(1)
stack.push(2)
