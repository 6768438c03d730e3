# `in` on a list runs the items' __eq__; its error propagates out of `in`.
# EXPECT-ERROR: AttributeError: 'int' object has no attribute 'rank'
# EXPECT-LOCATION: 8:29
class Card:
    def __init__(self, rank):
        self.rank = rank
    def __eq__(self, o):
        return self.rank == o.rank
hand = [Card(3), Card(5)]
print(Card(5) in hand)
print(3 in hand)
