# Indentation with tabs (one tab per level), nested blocks, a tab-indented class.
class T:
	def __init__(self):
		self.v = [1, 2, 3]
	def total(self):
		s = 0
		for x in self.v:
			if x > 1:
				s += x
		return s
print(T().total())
for i in range(2):
	print("tab", i)
