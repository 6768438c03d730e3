# List and tuple ==, ordering, `in`, list.index/count/remove compare their
# items with a user class's __eq__ (and __lt__), item by item, as CPython does.


class Card:
    def __init__(self, rank):
        self.rank = rank

    def __eq__(self, o):
        print("eq", self.rank, o.rank if isinstance(o, Card) else o)
        return isinstance(o, Card) and self.rank == o.rank

    def __lt__(self, o):
        return self.rank < o.rank

    def __repr__(self):
        return f"Card({self.rank})"


hand = [Card(3), Card(5), Card(7)]
print(Card(5) in hand)
print(Card(9) in hand, Card(9) not in hand)
print(Card(7) in (Card(1), Card(7)))
print(hand == [Card(3), Card(5), Card(7)])
print(hand != [Card(3), Card(5), Card(8)])
print((Card(1), Card(2)) == (Card(1), Card(2)))
print([Card(1), Card(2)] < [Card(1), Card(3)])
print([[Card(4)]] == [[Card(4)]])
print(hand.index(Card(5)), hand.count(Card(7)))
hand.remove(Card(3))
print(hand)
same = hand[0]
print(same in hand)
print(3 in hand)


class Box:
    def __init__(self, items):
        self.items = items

    def __getitem__(self, i):
        return self.items[i]


print(Card(2) in Box([Card(1), Card(2)]))
