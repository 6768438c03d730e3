# Methods mutating object state: a stack and a bank account, objects referencing objects.
class Stack:
    def __init__(self):
        self.items = []
    def push(self, v):
        self.items.append(v)
    def pop(self):
        return self.items.pop()
    def size(self):
        return len(self.items)
    def empty(self):
        return self.size() == 0
s = Stack()
for i in range(5):
    s.push(i * i)
out = []
while not s.empty():
    out.append(s.pop())
print(out, s.size())
class Account:
    rate = 0.5
    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance
        self.history = []
    def deposit(self, amount):
        self.balance += amount
        self.history.append(("dep", amount))
    def transfer(self, other, amount):
        self.balance -= amount
        other.deposit(amount)
        self.history.append(("xfer", other.owner, amount))
    def interest(self):
        return self.balance * self.rate
a = Account("ann", 100)
b = Account("bob")
a.transfer(b, 30)
b.deposit(5)
print(a.balance, b.balance, a.history, b.history, a.interest())
