//===- Engine.cpp - The backward pass -------------------------------------===//
//
// torch.autograd.backward: checks the roots and their gradients with
// PyTorch's messages, counts dependencies over the graph reachable from the
// roots, then runs nodes from a ready queue (latest-created first, as
// PyTorch's CPU queue does), summing the gradients that reach each node
// input. Each gradient is first fitted to the forward tensor it belongs to
// (summed over broadcast dimensions, converted to its dtype), which is why
// node formulas may return broadcast gradients. Leaves receive their
// gradient through AccumulateGrad. Without retain_graph every executed node
// frees its saved tensors.
//
//===----------------------------------------------------------------------===//

#include "Autograd/Autograd.h"

#include <limits>
#include <queue>
#include <unordered_map>

namespace janus::rt {

namespace {

[[noreturn]] void fail(const std::string &Message) {
  throw TensorError(ErrorKind::RuntimeError, Message);
}

/// Accumulates into a leaf's .grad. Holds the leaf; the leaf holds this node
/// only weakly (AutogradMeta::GradAccumulator).
class AccumulateGrad : public Node {
public:
  explicit AccumulateGrad(const Tensor &Variable) : Variable(Variable) {
    // Run as soon as ready, as PyTorch does.
    SequenceNr = std::numeric_limits<uint64_t>::max();
  }
  const char *name() const override { return "AccumulateGrad"; }
  TensorList apply(TensorList &&Grads) override {
    const Tensor &G = Grads[0];
    if (!G)
      return {};
    AutogradMeta &M = autogradMeta(Variable);
    if (!M.Grad) {
      // A fresh contiguous tensor: G may alias a saved tensor or another
      // leaf's .grad.
      Tensor Fresh = empty(Variable.sizes(), Variable.dtype());
      copyInPlace(Fresh, G);
      M.Grad = Fresh;
    } else {
      addInPlace(M.Grad, G);
    }
    return {};
  }

private:
  Tensor Variable;
};

bool isExpandableTo(const Shape &From, const Shape &To) {
  if (From.size() > To.size())
    return false;
  size_t Lead = To.size() - From.size();
  for (size_t I = 0; I < From.size(); ++I)
    if (From[I] != 1 && From[I] != To[Lead + I])
      return false;
  return true;
}

/// PyTorch's validate_outputs: fits gradient G to the input edge E.
Tensor fitGradient(Tensor G, const Edge &E, const Node &From, size_t Index) {
  if (G.sizes() != E.Sizes) {
    if (!isExpandableTo(E.Sizes, G.sizes()))
      fail(std::string("Function ") + From.name() +
           " returned an invalid gradient at index " + std::to_string(Index) +
           " - got " + shapeToString(G.sizes()) +
           " but expected shape compatible with " + shapeToString(E.Sizes));
    G = sumTo(G, E.Sizes);
  }
  if (G.dtype() != E.Type)
    G = to(G, E.Type);
  return G;
}

struct NodeState {
  int64_t Dependencies = 0;
  TensorList Buffer;
};

struct LaterFirst {
  bool operator()(const std::shared_ptr<Node> &A,
                  const std::shared_ptr<Node> &B) const {
    return A->SequenceNr < B->SequenceNr;
  }
};

void accumulate(TensorList &Buffer, uint32_t Index, const Tensor &G) {
  if (Buffer.size() <= Index)
    Buffer.resize(Index + 1);
  Buffer[Index] = Buffer[Index] ? add(Buffer[Index], G) : G;
}

} // namespace

std::shared_ptr<Node> makeAccumulateGrad(const Tensor &T) {
  return std::make_shared<AccumulateGrad>(T);
}

void backward(const TensorList &Roots, const TensorList &GradRoots,
              bool RetainGraph) {
  // The checks in the order torch.autograd.backward makes them.
  TensorList Grads(Roots.size());
  for (size_t I = 0; I < Roots.size(); ++I) {
    const Tensor &R = Roots[I];
    Tensor G = I < GradRoots.size() ? GradRoots[I] : Tensor();
    if (G) {
      if (G.sizes() != R.sizes())
        fail("Mismatch in shape: grad_output[" + std::to_string(I) +
             "] has a shape of torch.Size(" + shapeToString(G.sizes()) +
             ") and output[" + std::to_string(I) +
             "] has a shape of torch.Size(" + shapeToString(R.sizes()) + ").");
    } else if (requiresGrad(R)) {
      if (R.numel() != 1)
        fail("grad can be implicitly created only for scalar outputs");
      G = ones(R.sizes(), R.dtype());
    }
    Grads[I] = G;
  }
  std::vector<Edge> RootEdges;
  for (size_t I = 0; I < Roots.size(); ++I) {
    if (!requiresGrad(Roots[I]))
      fail("element " + std::to_string(I) +
           " of tensors does not require grad and does not have a grad_fn");
    RootEdges.push_back(gradientEdge(Roots[I]));
  }

  NoGradGuard NoGrad;
  // Dependencies: how many edges of the reachable graph enter each node.
  std::unordered_map<Node *, NodeState> States;
  std::vector<Node *> Stack;
  for (const Edge &E : RootEdges)
    if (States.emplace(E.Fn.get(), NodeState()).second)
      Stack.push_back(E.Fn.get());
  while (!Stack.empty()) {
    Node *N = Stack.back();
    Stack.pop_back();
    for (const Edge &E : N->NextEdges) {
      if (!E.valid())
        continue;
      auto [It, New] = States.emplace(E.Fn.get(), NodeState());
      ++It->second.Dependencies;
      if (New)
        Stack.push_back(E.Fn.get());
    }
  }

  std::priority_queue<std::shared_ptr<Node>, std::vector<std::shared_ptr<Node>>,
                      LaterFirst>
      Ready;
  for (size_t I = 0; I < RootEdges.size(); ++I) {
    const Edge &E = RootEdges[I];
    NodeState &S = States[E.Fn.get()];
    accumulate(S.Buffer, E.InputNr, fitGradient(Grads[I], E, *E.Fn, I));
  }
  for (const Edge &E : RootEdges) {
    NodeState &S = States[E.Fn.get()];
    // Pushed once even when several roots share a node.
    if (S.Dependencies == 0) {
      S.Dependencies = -1;
      Ready.push(E.Fn);
    }
  }

  while (!Ready.empty()) {
    std::shared_ptr<Node> N = Ready.top();
    Ready.pop();
    TensorList In = std::move(States[N.get()].Buffer);
    In.resize(N->numOutputs());
    TensorList Out = N->apply(std::move(In));
    if (!RetainGraph)
      N->releaseVariables();
    for (size_t J = 0; J < N->NextEdges.size(); ++J) {
      const Edge &E = N->NextEdges[J];
      if (!E.valid())
        continue;
      NodeState &S = States[E.Fn.get()];
      if (J < Out.size() && Out[J])
        accumulate(S.Buffer, E.InputNr, fitGradient(Out[J], E, *N, J));
      if (--S.Dependencies == 0)
        Ready.push(E.Fn);
    }
  }
}

} // namespace janus::rt
