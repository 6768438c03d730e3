# Single inheritance: method overriding, inherited methods, isinstance, chains of three classes.
class Animal:
    def __init__(self, name):
        self.name = name
    def sound(self):
        return "..."
    def speak(self):
        return f"{self.name} says {self.sound()}"
class Dog(Animal):
    def sound(self):
        return "woof"
class Puppy(Dog):
    def sound(self):
        return "yip"
class Cat(Animal):
    pass
for a in [Animal("generic"), Dog("rex"), Puppy("bit"), Cat("tom")]:
    print(a.speak())
p = Puppy("p")
print(isinstance(p, Dog), isinstance(p, Animal), isinstance(p, Cat), isinstance(Dog("d"), Puppy))
print(isinstance(3, int), isinstance(3.0, float), isinstance("s", str), isinstance([1], list), isinstance(True, int))
print(isinstance((1,), tuple), isinstance({}, dict), isinstance(3, (float, str)))
