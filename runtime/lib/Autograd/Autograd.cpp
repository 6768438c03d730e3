//===- Autograd.cpp - Autograd state, saved tensors and recording ---------===//
//
// The per-tensor AutogradMeta and the torch.Tensor attributes built on it
// (requires_grad, is_leaf, grad, grad_fn), grad mode, SavedTensor's version
// check with PyTorch's messages, and the helpers differentiable ops use to
// record a node.
//
//===----------------------------------------------------------------------===//

#include "Autograd/Autograd.h"

#include <atomic>
#include <limits>

namespace janus::rt {

void destroyAutogradMeta(AutogradMeta *M) { delete M; }

namespace {
thread_local bool GradEnabled = true;
std::atomic<uint64_t> NextSequenceNr{0};
std::atomic<int64_t> LiveNodes{0};

[[noreturn]] void fail(const std::string &Message) {
  throw TensorError(ErrorKind::RuntimeError, Message);
}

const char *tensorTypeName(DType T) {
  switch (T) {
  case DType::Bool:
    return "torch.BoolTensor";
  case DType::Int64:
    return "torch.LongTensor";
  case DType::Float32:
    return "torch.FloatTensor";
  case DType::Float64:
    break;
  }
  return "torch.DoubleTensor";
}
} // namespace

bool isGradEnabled() { return GradEnabled; }
void setGradEnabled(bool Enabled) { GradEnabled = Enabled; }

int64_t liveNodeCount() { return LiveNodes.load(); }

Node::Node() : SequenceNr(NextSequenceNr++) { ++LiveNodes; }

Node::~Node() {
  --LiveNodes;
  // Dropping the last reference to a long chain of nodes would recurse once
  // per node (a training loop can build millions); instead the edges are
  // moved to a per-thread list that the outermost destructor drains.
  thread_local std::vector<std::shared_ptr<Node>> Pending;
  thread_local bool Draining = false;
  for (Edge &E : NextEdges)
    if (E.Fn)
      Pending.push_back(std::move(E.Fn));
  if (Draining)
    return;
  Draining = true;
  while (!Pending.empty()) {
    std::shared_ptr<Node> N = std::move(Pending.back());
    Pending.pop_back();
    N.reset();
  }
  Draining = false;
}

//===--- Saved tensors ----------------------------------------------------===//

SavedTensor::SavedTensor(const Tensor &T, bool IsOutput)
    : Data(T), Version(T->storage()->version()), IsOutput(IsOutput) {
  AutogradMeta *M = T->autogradMeta();
  if (IsOutput) {
    Data = alias(T);
  } else if (M && M->ViewBase) {
    Data = alias(T);
    ViewGradFn = M->GradFn;
    ViewOutputNr = M->OutputNr;
  }
}

Tensor SavedTensor::unpack(const Node &Owner) const {
  if (Released)
    fail("Trying to backward through the graph a second time (or directly "
         "access saved tensors after they have already been freed). Saved "
         "intermediate values of the graph are freed when you call "
         ".backward() or autograd.grad(). Specify retain_graph=True if you "
         "need to backward through the graph a second time or if you need to "
         "access saved tensors after calling backward.");
  uint64_t Now = Data->storage()->version();
  if (Now != Version) {
    // PyTorch names the saved tensor's current grad_fn: the owner for its
    // own outputs, whatever produced (or last rewrote) an input otherwise.
    std::string Msg = "one of the variables needed for gradient computation "
                      "has been modified by an inplace operation: [";
    Msg += tensorTypeName(Data.dtype());
    Msg += " " + shapeToString(Data.sizes()) + "]";
    if (IsOutput) {
      Msg += ", which is output 0 of ";
      Msg += Owner.name();
      Msg += ",";
    } else if (AutogradMeta *M = Data->autogradMeta(); M && M->GradFn) {
      Msg += ", which is output " + std::to_string(M->OutputNr) + " of ";
      Msg += M->GradFn->name();
      Msg += ",";
    } else if (std::shared_ptr<Node> F = ViewGradFn.lock()) {
      Msg += ", which is output " + std::to_string(ViewOutputNr) + " of ";
      Msg += F->name();
      Msg += ",";
    }
    Msg += " is at version " + std::to_string(Now) + "; expected version " +
           std::to_string(Version) +
           " instead. Hint: enable anomaly detection to find the operation "
           "that failed to compute its gradient, with "
           "torch.autograd.set_detect_anomaly(True).";
    fail(Msg);
  }
  return Data;
}

//===--- FunctionNode -----------------------------------------------------===//

TensorList FunctionNode::apply(TensorList &&GradOutputs) {
  bool Any = false;
  for (const Tensor &G : GradOutputs)
    Any |= static_cast<bool>(G);
  if (!Any)
    return TensorList(NextEdges.size());
  TensorList Out = Fn(*this, GradOutputs);
  Out.resize(NextEdges.size());
  return Out;
}

void FunctionNode::releaseVariables() {
  for (SavedTensor &S : Saved)
    S.release();
}

void FunctionNode::saveInput(size_t Slot, const Tensor &T) {
  if (Saved.size() <= Slot)
    Saved.resize(Slot + 1);
  Saved[Slot] = SavedTensor(T, /*IsOutput=*/false);
}

void FunctionNode::saveOutput(size_t Slot, const Tensor &T) {
  if (Saved.size() <= Slot)
    Saved.resize(Slot + 1);
  Saved[Slot] = SavedTensor(T, /*IsOutput=*/true);
}

//===--- Tensor attributes ------------------------------------------------===//

AutogradMeta &autogradMeta(const Tensor &T) {
  if (!T->autogradMeta())
    T->setAutogradMeta(new AutogradMeta());
  return *T->autogradMeta();
}

bool requiresGrad(const Tensor &T) {
  AutogradMeta *M = T->autogradMeta();
  return M && (M->RequiresGrad || M->GradFn);
}

bool isLeaf(const Tensor &T) {
  AutogradMeta *M = T->autogradMeta();
  return !M || !M->GradFn;
}

void setRequiresGrad(const Tensor &T, bool B) {
  // Tensor.requires_grad_(): a no-op on a non-leaf that requires grad.
  if (!isLeaf(T)) {
    if (B)
      return;
    fail("you can only change requires_grad flags of leaf variables. If you "
         "want to use a computed variable in a subgraph that doesn't require "
         "differentiation use var_no_grad = var.detach().");
  }
  if (B && !isFloating(T.dtype()))
    fail("only Tensors of floating point dtype can require gradients");
  if (!B && !T->autogradMeta())
    return;
  autogradMeta(T).RequiresGrad = B;
}

Tensor grad(const Tensor &T) {
  AutogradMeta *M = T->autogradMeta();
  return M ? M->Grad : Tensor();
}

void setGrad(const Tensor &T, const Tensor &G) {
  if (G) {
    if (G.dtype() != T.dtype())
      fail("assigned grad has data of a different type");
    if (G.sizes() != T.sizes())
      fail("assigned grad has data of a different size");
  }
  if (!G && !T->autogradMeta())
    return;
  autogradMeta(T).Grad = G;
}

std::shared_ptr<Node> gradFn(const Tensor &T) {
  AutogradMeta *M = T->autogradMeta();
  return M ? M->GradFn : nullptr;
}

const char *gradFnName(const Tensor &T) {
  AutogradMeta *M = T->autogradMeta();
  return M && M->GradFn ? M->GradFn->name() : nullptr;
}

//===--- Recording --------------------------------------------------------===//

bool needsGrad(std::initializer_list<const Tensor *> Inputs) {
  if (!GradEnabled)
    return false;
  for (const Tensor *T : Inputs)
    if (*T && requiresGrad(*T))
      return true;
  return false;
}

Edge gradientEdge(const Tensor &T) {
  Edge E;
  E.Sizes = T.sizes();
  E.Type = T.dtype();
  AutogradMeta *M = T->autogradMeta();
  if (!M)
    return E;
  if (M->GradFn) {
    E.Fn = M->GradFn;
    E.InputNr = M->OutputNr;
  } else if (M->RequiresGrad) {
    E.Fn = M->GradAccumulator.lock();
    if (!E.Fn) {
      E.Fn = makeAccumulateGrad(T);
      M->GradAccumulator = E.Fn;
    }
  }
  return E;
}

void setHistory(const Tensor &T, const std::shared_ptr<Node> &N,
                uint32_t OutputNr) {
  AutogradMeta &M = autogradMeta(T);
  M.GradFn = N;
  M.OutputNr = OutputNr;
}

std::shared_ptr<FunctionNode>
recordNode(const char *Name, std::initializer_list<const Tensor *> Inputs,
           const Tensor &Output, FunctionNode::BackwardFn Fn) {
  if (!needsGrad(Inputs))
    return nullptr;
  auto N = std::make_shared<FunctionNode>(Name, std::move(Fn));
  for (const Tensor *T : Inputs)
    N->NextEdges.push_back(*T ? gradientEdge(*T) : Edge());
  setHistory(Output, N);
  return N;
}

Tensor sumTo(const Tensor &G, const Shape &Sizes) {
  if (G.sizes() == Sizes)
    return G;
  Tensor R = G;
  int64_t Lead = R.dim() - static_cast<int64_t>(Sizes.size());
  if (Lead > 0) {
    Shape Dims;
    for (int64_t I = 0; I < Lead; ++I)
      Dims.push_back(I);
    R = sum(R, Dims, /*KeepDim=*/false);
  }
  Shape Dims;
  for (size_t I = 0; I < Sizes.size(); ++I)
    if (Sizes[I] == 1 && R.sizes()[I] != 1)
      Dims.push_back(static_cast<int64_t>(I));
  if (!Dims.empty())
    R = sum(R, Dims, /*KeepDim=*/true);
  return R;
}

Tensor alias(const Tensor &T) {
  Tensor A = asStrided(T, T.sizes(), T.strides(), T->storageOffset());
  A->setWrappedNumber(T->isWrappedNumber());
  return A;
}

} // namespace janus::rt
