//===- app.cpp - A C++ application that trains a Janus-compiled model -----===//
//
// The example of embedding Janus in an application: model.py is compiled by
// janusc at build time into libmodel.so and model.h (CMakeLists.txt); this
// program links them with libjanus_runtime, builds its inputs as tensors
// from host memory (janus.h), and calls the model's functions through the
// generated C entry points: make the model and its optimizer, compute the
// targets, train for a few steps printing each loss, and finally feed
// inputs of the wrong shape to see a Python exception come back as a
// janus_status_t. It checks itself that the loss falls and that the error
// carries model.py's traceback, then prints "app: ok"; check-app.py
// compares the printed losses with the oracle's (reference.py).
//
//===----------------------------------------------------------------------===//

#include "janus/janus.h"
#include "model.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <utility>
#include <vector>

namespace {

constexpr int Steps = 8;
constexpr int64_t Rows = 16;

/// Owns one reference to a janus value.
class Value {
public:
  Value() = default;
  explicit Value(janus_value_t v) : v(v) {}
  Value(Value &&other) noexcept : v(std::exchange(other.v, nullptr)) {}
  Value &operator=(Value &&other) noexcept {
    std::swap(v, other.v);
    return *this;
  }
  Value(const Value &) = delete;
  Value &operator=(const Value &) = delete;
  ~Value() { janus_value_release(v); }
  janus_value_t get() const { return v; }
  /// For out_ parameters: the slot a new reference is written to.
  janus_value_t *out() {
    janus_value_release(std::exchange(v, nullptr));
    return &v;
  }

private:
  janus_value_t v = nullptr;
};

/// Exits with the error when `status` is one.
void check(janus_status_t status, const char *what) {
  if (!status)
    return;
  std::fprintf(stderr, "app: error: %s: %s: %s\n", what,
               janus_status_type_name(status), janus_status_message(status));
  janus_status_free(status);
  std::exit(1);
}

Value fromInt(int64_t i) {
  Value v;
  check(janus_value_from_int(i, v.out()), "janus_value_from_int");
  return v;
}

Value fromFloat(double f) {
  Value v;
  check(janus_value_from_float(f, v.out()), "janus_value_from_float");
  return v;
}

/// A float32 tensor of shape [Rows, cols], element (i, j) = sin(0.5 i + 1.3 j).
Value inputs(int64_t cols) {
  std::vector<float> data;
  for (int64_t i = 0; i < Rows; ++i)
    for (int64_t j = 0; j < cols; ++j)
      data.push_back(float(std::sin(0.5 * double(i) + 1.3 * double(j))));
  int64_t shape[] = {Rows, cols};
  janus_tensor_t tensor = nullptr;
  check(janus_tensor_from_buffer(JANUS_DTYPE_FLOAT32, 2, shape, data.data(),
                                 data.size() * sizeof(float), &tensor),
        "janus_tensor_from_buffer");
  Value v;
  janus_status_t status = janus_value_from_tensor(tensor, v.out());
  janus_tensor_release(tensor); // the value keeps the tensor alive
  check(status, "janus_value_from_tensor");
  return v;
}

} // namespace

int main() {
  check(model_init(), "model_init");

  Value model, optimizer, targets;
  check(model_make_model(fromInt(0).get(), model.out()), "make_model");
  check(model_make_optimizer(model.get(), fromFloat(0.05).get(),
                             optimizer.out()),
        "make_optimizer");
  Value x = inputs(3);
  check(model_targets(x.get(), targets.out()), "targets");

  std::vector<double> losses;
  for (int step = 0; step < Steps; ++step) {
    Value loss;
    check(model_train_step(model.get(), optimizer.get(), x.get(),
                           targets.get(), loss.out()),
          "train_step");
    double value = 0;
    check(janus_value_as_float(loss.get(), &value), "the loss");
    losses.push_back(value);
    std::printf("step %d loss %.9g\n", step, value);
  }

  // Two input features where the model takes three: nn.Linear raises, and
  // the status carries the exception and where in model.py it happened.
  Value bad = inputs(2), unused;
  janus_status_t status = model_train_step(model.get(), optimizer.get(),
                                           bad.get(), targets.get(),
                                           unused.out());
  if (!status) {
    std::fprintf(stderr, "app: error: train_step accepted bad inputs\n");
    return 1;
  }
  std::printf("bad input: %s\n", janus_status_type_name(status));
  bool located = std::strstr(janus_status_message(status), "model.py:") &&
                 std::strstr(janus_status_message(status), "in train_step");
  janus_status_free(status);
  if (!located) {
    std::fprintf(stderr, "app: error: the status has no traceback\n");
    return 1;
  }

  if (!(losses.back() < 0.5 * losses.front())) {
    std::fprintf(stderr, "app: error: the loss did not fall (%g to %g)\n",
                 losses.front(), losses.back());
    return 1;
  }
  std::printf("app: ok\n");
  return 0;
}
