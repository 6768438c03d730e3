//===- Autograd.h - Reverse-mode autograd: tape, nodes, engine --*- C++ -*-===//
//
// PyTorch 1.13's eager autograd on top of the tensor core. A tensor that
// takes part in autograd carries an AutogradMeta (requires_grad, .grad, its
// grad_fn and output number), hung off TensorImpl by one pointer that stays
// null for plain tensors. Differentiable ops (Functions.h) record a Node per
// call whose edges point at the nodes that produced their inputs; backward()
// walks that graph from the roots with dependency counting and accumulates
// into the leaves' .grad through AccumulateGrad nodes.
//
// Writing the backward of a new op is local: call recordNode() with the
// PyTorch node name, the differentiable inputs and a lambda that maps the
// output gradient to input gradients, and save the tensors the lambda needs
// with saveInput()/saveOutput() (never capture a Tensor in the lambda: saved
// tensors are version-checked and freed after backward). Gradients may come
// back broadcast or in another dtype; the engine sums them to each input's
// shape and converts them to its dtype, as PyTorch's validate_outputs does.
//
//===----------------------------------------------------------------------===//

#ifndef JANUS_RUNTIME_AUTOGRAD_AUTOGRAD_H
#define JANUS_RUNTIME_AUTOGRAD_AUTOGRAD_H

#include "Tensor/Tensor.h"

#include <functional>
#include <initializer_list>
#include <memory>
#include <type_traits>
#include <vector>

namespace janus::rt {

class Node;

/// Where a gradient goes: input InputNr of Fn (null Fn: nowhere). Sizes and
/// Type describe the forward tensor the gradient is for.
struct Edge {
  std::shared_ptr<Node> Fn;
  uint32_t InputNr = 0;
  Shape Sizes;
  DType Type = DType::Float32;
  bool valid() const { return Fn != nullptr; }
};

struct AutogradMeta {
  /// Set on leaves by setRequiresGrad; non-leaves require grad through
  /// GradFn.
  bool RequiresGrad = false;
  /// For the results of view ops run in grad mode: the tensor whose storage
  /// they view (never itself a view). In-place writes through the view
  /// rebase the base's history (CopySlices).
  Tensor ViewBase;
  /// A view of a tensor that requires grad, made under no_grad: PyTorch
  /// forbids writing through it in grad mode.
  bool NoGradView = false;
  Tensor Grad;
  std::shared_ptr<Node> GradFn;
  uint32_t OutputNr = 0;
  /// A leaf's AccumulateGrad node, while some graph holds it.
  std::weak_ptr<Node> GradAccumulator;
};

/// A tensor a node keeps for its backward. It remembers the storage version
/// at save time so that unpacking after an in-place write fails like
/// PyTorch. A node's own output is kept as a meta-less alias of its data (a
/// strong reference would form a cycle through the output's grad_fn).
class SavedTensor {
public:
  SavedTensor() = default;
  SavedTensor(const Tensor &T, bool IsOutput);
  /// The saved data; throws on modification or after release().
  Tensor unpack(const Node &Owner) const;
  void release() {
    Data = Tensor();
    Released = true;
  }

private:
  Tensor Data;
  /// For a saved view: its grad_fn when saved (the view itself is not kept,
  /// as it holds its base, whose history may hold this node).
  std::weak_ptr<Node> ViewGradFn;
  uint32_t ViewOutputNr = 0;
  uint64_t Version = 0;
  bool IsOutput = false;
  bool Released = false;
};

using TensorList = std::vector<Tensor>;

/// A backward function: gradients of the forward outputs in, gradients of
/// the forward inputs (one per NextEdges entry; undefined for none) out.
class Node {
public:
  Node();
  virtual ~Node();
  Node(const Node &) = delete;
  Node &operator=(const Node &) = delete;

  virtual const char *name() const = 0;
  virtual TensorList apply(TensorList &&GradOutputs) = 0;
  /// Frees saved tensors (backward without retain_graph).
  virtual void releaseVariables() {}
  /// Number of forward outputs (gradients apply() receives).
  virtual uint32_t numOutputs() const { return 1; }

  std::vector<Edge> NextEdges;
  /// Creation order; the engine runs later nodes first, as PyTorch does.
  uint64_t SequenceNr;
};

/// The general node: a name, saved tensors and a backward lambda.
class FunctionNode : public Node {
public:
  using BackwardFn =
      std::function<TensorList(FunctionNode &Self, const TensorList &Grads)>;
  FunctionNode(const char *Name, BackwardFn Fn)
      : Name(Name), Fn(std::move(Fn)) {}
  const char *name() const override { return Name; }
  TensorList apply(TensorList &&GradOutputs) override;
  void releaseVariables() override;

  /// Saves input T in slot Slot for saved(Slot).
  void saveInput(size_t Slot, const Tensor &T);
  /// Saves an output of this node (kept without its autograd state).
  void saveOutput(size_t Slot, const Tensor &T);
  Tensor saved(size_t Slot) const { return Saved[Slot].unpack(*this); }
  /// Whether input I gets a gradient (skip computing it otherwise).
  bool needsInputGrad(size_t I) const { return NextEdges[I].valid(); }

private:
  const char *Name;
  BackwardFn Fn;
  std::vector<SavedTensor> Saved;
};

//===--- Grad mode --------------------------------------------------------===//

bool isGradEnabled();
void setGradEnabled(bool Enabled);

/// torch.no_grad(): disables recording for its scope (per thread).
class NoGradGuard {
public:
  NoGradGuard() : Prev(isGradEnabled()) { setGradEnabled(false); }
  ~NoGradGuard() { setGradEnabled(Prev); }
  NoGradGuard(const NoGradGuard &) = delete;
  NoGradGuard &operator=(const NoGradGuard &) = delete;

private:
  bool Prev;
};

//===--- Tensor-level accessors (torch.Tensor attributes) -----------------===//

bool requiresGrad(const Tensor &T);
/// t.requires_grad_(B), with PyTorch's errors.
void setRequiresGrad(const Tensor &T, bool B);
bool isLeaf(const Tensor &T);
/// t.grad; an undefined Tensor for None.
Tensor grad(const Tensor &T);
/// t.grad = G (undefined G: None).
void setGrad(const Tensor &T, const Tensor &G);
std::shared_ptr<Node> gradFn(const Tensor &T);
/// PyTorch's class name of t.grad_fn ("MulBackward0"), or null.
const char *gradFnName(const Tensor &T);
/// The AutogradMeta of T, created on first use.
AutogradMeta &autogradMeta(const Tensor &T);

/// t.backward(gradient) for several roots (torch.autograd.backward). An
/// undefined gradient means ones for a one-element root.
void backward(const TensorList &Roots, const TensorList &GradRoots = {},
              bool RetainGraph = false);
inline void backward(const Tensor &Root, const Tensor &Gradient = Tensor(),
                     bool RetainGraph = false) {
  backward(TensorList{Root}, TensorList{Gradient}, RetainGraph);
}

//===--- Recording (for writers of differentiable ops) --------------------===//

/// True when a call on these inputs must be recorded: grad mode is on and
/// some input requires grad.
bool needsGrad(std::initializer_list<const Tensor *> Inputs);

/// When needsGrad(Inputs), makes a FunctionNode with one edge per input and
/// makes Output its result (grad_fn, output 0); otherwise returns null.
std::shared_ptr<FunctionNode>
recordNode(const char *Name, std::initializer_list<const Tensor *> Inputs,
           const Tensor &Output, FunctionNode::BackwardFn Fn);
/// The same for a backward lambda, which becomes a std::function (often a
/// heap allocation) only when the call is recorded: ops on tensors that do
/// not require grad pay nothing for autograd.
template <typename F, typename = std::enable_if_t<!std::is_same_v<
                          std::decay_t<F>, FunctionNode::BackwardFn>>>
std::shared_ptr<FunctionNode>
recordNode(const char *Name, std::initializer_list<const Tensor *> Inputs,
           const Tensor &Output, F &&Fn) {
  if (!needsGrad(Inputs))
    return nullptr;
  return recordNode(Name, Inputs, Output,
                    FunctionNode::BackwardFn(std::forward<F>(Fn)));
}

/// The edge a gradient for T flows into (T's grad_fn, or its leaf's
/// AccumulateGrad); invalid when T does not require grad.
Edge gradientEdge(const Tensor &T);
/// Makes Node (output OutputNr) the history of T.
void setHistory(const Tensor &T, const std::shared_ptr<Node> &N,
                uint32_t OutputNr = 0);

/// Sums G over the dimensions in which it was broadcast to reach Sizes
/// (ATen's sum_to).
Tensor sumTo(const Tensor &G, const Shape &Sizes);
/// An alias of T's data with no autograd state (detach()).
Tensor alias(const Tensor &T);

/// The AccumulateGrad node of leaf T (Engine.cpp); use gradientEdge().
std::shared_ptr<Node> makeAccumulateGrad(const Tensor &T);
/// Nodes alive now (a leak check for tests).
int64_t liveNodeCount();

} // namespace janus::rt

#endif // JANUS_RUNTIME_AUTOGRAD_AUTOGRAD_H
