# A "%(key)s" key the dict lacks is the dict's KeyError.
# EXPECT-ERROR: KeyError: 'nmae'
# EXPECT-LOCATION: 5:7
person = {"name": "Ada"}
print("hello %(nmae)s" % person)
