# Class attributes: shared by instances, shadowed by instance attributes, read through self and the class.
class Config:
    scale = 2
    name = "cfg"
    tags = []
    def scaled(self, v):
        return v * self.scale
a = Config()
b = Config()
print(a.scale, Config.scale, a.scaled(5))
a.scale = 10
print(a.scale, b.scale, Config.scale, a.scaled(5), b.scaled(5))
Config.scale = 3
print(a.scale, b.scale, b.scaled(5))
a.tags.append("shared")
print(b.tags, Config.tags)
class Sub(Config):
    name = "sub"
s = Sub()
print(s.name, s.scale, Sub.name, Config.name)
