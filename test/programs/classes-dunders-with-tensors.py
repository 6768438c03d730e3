# A tensor and an instance of a user class: PyTorch's operator methods
# decline the instance, so the class's methods (reflected ones included)
# decide; without them == is False and != True.
import torch


class Scale:
    def __init__(self, k):
        self.k = k

    def __radd__(self, o):
        return o + self.k

    def __mul__(self, o):
        return o * self.k

    def __rmul__(self, o):
        return o * (self.k + 1)

    def __eq__(self, o):
        return "Scale.__eq__"

    def __lt__(self, o):
        return "Scale.__lt__"


class Plain:
    pass


t = torch.tensor([1.0, 2.0])
s = Scale(3)
print(t + s, s * t, t * s)
print(s == t, t == s, s < t, t > s)
print(t == Plain(), t != Plain())
