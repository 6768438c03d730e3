//===- Allocator.h - Cached 64-byte aligned blocks for tensors --*- C++ -*-===//
//
// Internal to runtime/lib/Tensor. Every tensor op allocates a TensorImpl and
// usually a Storage with its buffer; with the C library's allocator these
// took about 45% of a tiny op (memalign has no fast path), and the buffers of
// large results (an LSTM's 1 MiB weight gradients) came back from the kernel
// as fresh pages on every step. allocateBlock rounds a request up to a size
// class (four per power of two, at least 64 bytes) and reuses a block of
// that class freed earlier by the same thread; see Allocator.cpp for the
// limits on what a thread keeps.
//
//===----------------------------------------------------------------------===//

#ifndef JANUS_RUNTIME_TENSOR_ALLOCATOR_H
#define JANUS_RUNTIME_TENSOR_ALLOCATOR_H

#include <cstddef>

namespace janus::rt {

/// A 64-byte aligned block of at least Bytes bytes. Throws std::bad_alloc
/// on failure.
void *allocateBlock(size_t Bytes);
/// Returns a block from allocateBlock(Bytes), with the same Bytes; any
/// thread may free it.
void freeBlock(void *Block, size_t Bytes);

} // namespace janus::rt

#endif // JANUS_RUNTIME_TENSOR_ALLOCATOR_H
