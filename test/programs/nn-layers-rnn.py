# Recurrent layers and embeddings: Embedding, LSTMCell, GRUCell, LSTM over a short sequence.
import torch
import torch.nn as nn
torch.manual_seed(11)
emb = nn.Embedding(10, 4)
tokens = torch.tensor([1, 5, 9])
e = emb(tokens)
print(e.shape, e[0])
cell = nn.LSTMCell(4, 3)
h = torch.zeros(1, 3)
c = torch.zeros(1, 3)
for t in range(3):
    h, c = cell(e[t].unsqueeze(0), (h, c))
print(h, c)
gru = nn.GRUCell(4, 3)
g = torch.zeros(1, 3)
for t in range(3):
    g = gru(e[t:t + 1], g)
print(g)
lstm = nn.LSTM(4, 3)
out, (hn, cn) = lstm(e.unsqueeze(1))
print(out.shape, hn.shape, cn.shape)
print(out[-1], hn[0])
