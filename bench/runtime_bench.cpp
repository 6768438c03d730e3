//===- runtime_bench.cpp - The runtime's C API against PyTorch eager ------===//
//
// Times the same work as runtime_bench.py, through janus.h only: per-op
// overhead of a tiny torch.add, an LSTM cell forward+backward, a 1024^3
// sgemm, LeNet-sized conv2d forward+backward, a LeNet training step (and its
// loss after N steps from the weights runtime_bench.py wrote), and memory
// over many LeNet steps. Prints one "RESULT <case> <key>=<value> ..." line
// per case, or "ERROR <case> <exception>: <message>" for a case the runtime
// cannot run yet; run-runtime-bench.sh joins these with PyTorch's lines.
//
//   runtime_bench [--quick] [--cpu-time] [--threads N] [--data FILE]
//                 [--only CASE]
//
// The process exits non-zero when any case failed.
//
//===----------------------------------------------------------------------===//

#include "janus/janus.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fstream>
#include <functional>
#include <stdexcept>
#include <string>
#include <unistd.h>
#include <vector>

namespace {

// A janus_status_t turned into an exception ("TypeError: ...").
struct JanusError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

void check(janus_status_t S, const char *What) {
  if (!S)
    return;
  std::string Msg = std::string(janus_status_type_name(S)) + ": " +
                    janus_status_message(S) + " (in " + What + ")";
  janus_status_free(S);
  throw JanusError(Msg);
}

// An owned reference to a value.
class Val {
public:
  Val() = default;
  explicit Val(janus_value_t V) : V(V) {}
  Val(const Val &O) : V(O.V) { janus_value_retain(V); }
  Val(Val &&O) noexcept : V(O.V) { O.V = nullptr; }
  Val &operator=(Val O) {
    std::swap(V, O.V);
    return *this;
  }
  ~Val() { janus_value_release(V); }
  janus_value_t get() const { return V; }
  janus_value_t *out() {
    janus_value_release(V);
    V = nullptr;
    return &V;
  }

private:
  janus_value_t V = nullptr;
};

Val lookup(const char *Name) {
  Val R;
  check(janus_library_lookup(Name, R.out()), Name);
  return R;
}

Val attr(const Val &Obj, const char *Name) {
  Val R;
  check(janus_value_get_attr(Obj.get(), Name, R.out()), Name);
  return R;
}

// Fn(Args..., **Kw): the last Kw.size() arguments are the keywords.
Val call(const Val &Fn, std::initializer_list<janus_value_t> Args,
         std::initializer_list<const char *> Kw = {},
         const char *What = "call") {
  std::vector<janus_value_t> A(Args);
  std::vector<const char *> K(Kw);
  Val R;
  check(janus_value_call_kw(Fn.get(), A.data(), A.size(), K.data(), K.size(),
                            R.out()),
        What);
  return R;
}

Val method(const Val &Obj, const char *Name,
           std::initializer_list<janus_value_t> Args = {},
           std::initializer_list<const char *> Kw = {}) {
  return call(attr(Obj, Name), Args, Kw, Name);
}

Val fromInt(int64_t I) {
  Val R;
  check(janus_value_from_int(I, R.out()), "int");
  return R;
}
Val fromFloat(double F) {
  Val R;
  check(janus_value_from_float(F, R.out()), "float");
  return R;
}

// A boxed tensor of `Shape` holding `Data`.
template <typename T>
Val tensor(janus_dtype_t DT, std::vector<int64_t> Shape, const T *Data) {
  int64_t N = 1;
  for (int64_t S : Shape)
    N *= S;
  janus_tensor_t Tn = nullptr;
  check(janus_tensor_from_buffer(DT, Shape.size(), Shape.data(), Data,
                                 size_t(N) * sizeof(T), &Tn),
        "janus_tensor_from_buffer");
  Val R;
  janus_status_t S = janus_value_from_tensor(Tn, R.out());
  janus_tensor_release(Tn);
  check(S, "janus_value_from_tensor");
  return R;
}

// Deterministic pseudo-random floats in [-Scale, Scale).
std::vector<float> noise(size_t N, float Scale, uint32_t Seed) {
  std::vector<float> V(N);
  uint64_t X = 0x9E3779B97F4A7C15ull ^ Seed;
  for (float &F : V) {
    X = X * 6364136223846793005ull + 1442695040888963407ull;
    F = (float(uint32_t(X >> 40)) / float(1 << 24) * 2.0f - 1.0f) * Scale;
  }
  return V;
}

Val randTensor(std::vector<int64_t> Shape, float Scale, uint32_t Seed,
               bool RequiresGrad = false) {
  size_t N = 1;
  for (int64_t S : Shape)
    N *= size_t(S);
  std::vector<float> D = noise(N, Scale, Seed);
  Val T = tensor(JANUS_DTYPE_FLOAT32, Shape, D.data());
  if (RequiresGrad)
    method(T, "requires_grad_");
  return T;
}

float itemFloat(const Val &T) {
  Val I = method(T, "item");
  double F;
  check(janus_value_as_float(I.get(), &F), "item");
  return float(F);
}

using Clock = std::chrono::steady_clock;

// --cpu-time: time this thread's CPU time instead of wall time, which on a
// loaded machine leaves out the time other processes held the core (with
// one thread the libraries run their work on the caller's thread).
bool CpuTime = false;

// Seconds on the clock chosen above.
double now() {
  if (CpuTime) {
    timespec Ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &Ts);
    return double(Ts.tv_sec) + double(Ts.tv_nsec) * 1e-9;
  }
  return std::chrono::duration<double>(Clock::now().time_since_epoch()).count();
}

// Median over `Repeats` runs of the mean time of `Iters` calls, in seconds.
double timeIt(const std::function<void()> &Fn, int Iters, int Repeats,
              int Warmup) {
  for (int I = 0; I < Warmup; ++I)
    Fn();
  std::vector<double> T;
  for (int R = 0; R < Repeats; ++R) {
    double T0 = now();
    for (int I = 0; I < Iters; ++I)
      Fn();
    T.push_back((now() - T0) / Iters);
  }
  std::sort(T.begin(), T.end());
  return T[T.size() / 2];
}

bool Quick = false;
int scaled(int N) { return Quick ? std::max(1, N / 10) : N; }

// ---- a. per-op overhead -----------------------------------------------------

void benchTinyAdd() {
  Val Add = lookup("torch.add");
  Val A = randTensor({1, 150}, 1, 1), B = randTensor({1, 150}, 1, 2);
  double T = timeIt(
      [&] {
        janus_value_t Args[2] = {A.get(), B.get()}, R = nullptr;
        check(janus_value_call_kw(Add.get(), Args, 2, nullptr, 0, &R),
              "torch.add");
        janus_value_release(R);
      },
      scaled(200000), 5, 1000);
  std::printf("RESULT tiny_add sec=%.9g\n", T);
}

// ---- b. LSTM cell -----------------------------------------------------------

void benchLstm(int64_t Batch) {
  const int64_t In = 256, H = 256;
  Val Matmul = lookup("torch.matmul"), AddF = lookup("torch.add"),
      Mul = lookup("torch.mul"), Sigmoid = lookup("torch.sigmoid"),
      Tanh = lookup("torch.tanh"), Chunk = lookup("torch.chunk");
  Val X = randTensor({Batch, In}, 1, 10), H0 = randTensor({Batch, H}, 1, 11),
      C0 = randTensor({Batch, H}, 1, 12);
  Val Wih = randTensor({4 * H, In}, 0.0625f, 13, true),
      Whh = randTensor({4 * H, H}, 0.0625f, 14, true),
      Bias = randTensor({4 * H}, 0.0625f, 15, true);
  Val Four = fromInt(4), One = fromInt(1);
  std::vector<Val> Params = {Wih, Whh, Bias};
  auto Step = [&] {
    // gates = x @ W_ih.t() + h @ W_hh.t() + b
    Val G1 = call(Matmul, {X.get(), method(Wih, "t").get()});
    Val G2 = call(Matmul, {H0.get(), method(Whh, "t").get()});
    Val Gates =
        call(AddF, {call(AddF, {G1.get(), G2.get()}).get(), Bias.get()});
    Val Parts = call(Chunk, {Gates.get(), Four.get(), One.get()});
    Val P[4];
    for (int I = 0; I < 4; ++I)
      check(janus_value_get_index(Parts.get(), I, P[I].out()), "chunk[i]");
    Val Ig = call(Sigmoid, {P[0].get()}), Fg = call(Sigmoid, {P[1].get()}),
        Gg = call(Tanh, {P[2].get()}), Og = call(Sigmoid, {P[3].get()});
    Val C1 = call(AddF, {call(Mul, {Fg.get(), C0.get()}).get(),
                         call(Mul, {Ig.get(), Gg.get()}).get()});
    Val H1 = call(Mul, {Og.get(), call(Tanh, {C1.get()}).get()});
    Val Loss = method(H1, "sum");
    method(Loss, "backward");
    for (Val &Prm : Params)
      method(attr(Prm, "grad"), "zero_");
  };
  int Iters = Batch == 1 ? scaled(2000) : scaled(200);
  double T = timeIt(Step, Iters, 5, 10);
  std::printf("RESULT lstm_b%lld sec=%.9g\n", (long long)Batch, T);
}

// ---- c. sgemm
// -----------------------------------------------------------------

void benchSgemm() {
  Val Mm = lookup("torch.mm");
  Val A = randTensor({1024, 1024}, 1, 20), B = randTensor({1024, 1024}, 1, 21);
  double T = timeIt([&] { call(Mm, {A.get(), B.get()}); }, scaled(10), 3, 2);
  std::printf("RESULT sgemm1024 sec=%.9g gflops=%.4g\n", T,
              2.0 * 1024 * 1024 * 1024 / T / 1e9);
}

// ---- d. conv2d forward+backward
// ----------------------------------------------

void benchConv(const char *Name, std::vector<int64_t> InShape,
               std::vector<int64_t> WShape) {
  Val Conv = lookup("torch.nn.functional.conv2d");
  Val X = randTensor(InShape, 1, 30, true),
      W = randTensor(WShape, 0.2f, 31, true);
  auto Step = [&] {
    Val Y = call(Conv, {X.get(), W.get()});
    method(method(Y, "sum"), "backward");
    method(attr(X, "grad"), "zero_");
    method(attr(W, "grad"), "zero_");
  };
  double T = timeIt(Step, scaled(50), 5, 3);
  std::printf("RESULT %s sec=%.9g\n", Name, T);
}

// ---- e./f. LeNet
// ----------------------------------------------------------------

// The inputs and initial parameters that runtime_bench.py wrote: float32
// x [64,1,28,28], then the parameters in LeNet::Shapes order, then int64
// targets [64].
struct LeNet {
  static constexpr int64_t Batch = 64;
  const std::vector<std::vector<int64_t>> Shapes = {
      {6, 1, 5, 5}, {6},       {16, 6, 5, 5}, {16},     {120, 256},
      {120},        {84, 120}, {84},          {10, 84}, {10}};
  Val X, Y;
  std::vector<Val> Params;
  Val Conv, Relu, Pool, Linear, CrossEntropy, Flatten, Two, One, Lr;

  explicit LeNet(const std::string &File) {
    std::ifstream F(File, std::ios::binary);
    if (!F)
      throw std::runtime_error("cannot read " + File +
                               " (written by runtime_bench.py)");
    auto readF = [&](std::vector<int64_t> Shape) {
      size_t N = 1;
      for (int64_t S : Shape)
        N *= size_t(S);
      std::vector<float> D(N);
      F.read(reinterpret_cast<char *>(D.data()), std::streamsize(N * 4));
      return tensor(JANUS_DTYPE_FLOAT32, Shape, D.data());
    };
    X = readF({Batch, 1, 28, 28});
    for (const auto &S : Shapes) {
      Params.push_back(readF(S));
      method(Params.back(), "requires_grad_");
    }
    std::vector<int64_t> T(Batch);
    F.read(reinterpret_cast<char *>(T.data()), std::streamsize(Batch * 8));
    if (!F)
      throw std::runtime_error(File + " is too short");
    Y = tensor(JANUS_DTYPE_INT64, {Batch}, T.data());
    Conv = lookup("torch.nn.functional.conv2d");
    Relu = lookup("torch.nn.functional.relu");
    Pool = lookup("torch.nn.functional.max_pool2d");
    Linear = lookup("torch.nn.functional.linear");
    CrossEntropy = lookup("torch.nn.functional.cross_entropy");
    Flatten = lookup("torch.flatten");
    Two = fromInt(2);
    One = fromInt(1);
    Lr = fromFloat(0.05);
  }

  // One SGD step; returns the loss (a tensor value).
  Val step() {
    const auto &P = Params;
    Val H = call(Conv, {X.get(), P[0].get(), P[1].get()});
    H = call(Pool, {call(Relu, {H.get()}).get(), Two.get()});
    H = call(Conv, {H.get(), P[2].get(), P[3].get()});
    H = call(Pool, {call(Relu, {H.get()}).get(), Two.get()});
    H = call(Flatten, {H.get(), One.get()});
    H = call(Relu, {call(Linear, {H.get(), P[4].get(), P[5].get()}).get()});
    H = call(Relu, {call(Linear, {H.get(), P[6].get(), P[7].get()}).get()});
    H = call(Linear, {H.get(), P[8].get(), P[9].get()});
    Val Loss = call(CrossEntropy, {H.get(), Y.get()});
    method(Loss, "backward");
    bool Prev;
    janus_set_grad_enabled(false, &Prev);
    try {
      for (const Val &Prm : P) {
        Val G = attr(Prm, "grad");
        method(Prm, "sub_", {G.get(), Lr.get()}, {"alpha"});
        method(G, "zero_");
      }
    } catch (...) {
      janus_set_grad_enabled(Prev, nullptr);
      throw;
    }
    janus_set_grad_enabled(Prev, nullptr);
    return Loss;
  }
};

long rssKiB() {
  std::ifstream F("/proc/self/statm");
  long Size = 0, Resident = 0;
  F >> Size >> Resident;
  return Resident * (sysconf(_SC_PAGESIZE) / 1024);
}

void benchLeNet(const std::string &File, int LossSteps) {
  LeNet Net(File);
  const int Warmup = 5;
  Val Loss;
  double T0 = 0;
  for (int I = 0; I < LossSteps; ++I) {
    if (I == Warmup)
      T0 = now();
    Loss = Net.step();
  }
  double T = (now() - T0) / (LossSteps - Warmup);
  std::printf("RESULT lenet_step sec=%.9g loss=%.9g steps=%d\n", T,
              itemFloat(Loss), LossSteps);
}

void benchMemory(const std::string &File, int MaxSteps, double MaxSeconds) {
  LeNet Net(File);
  long Rss100 = 0;
  int64_t Obj100 = 0, Ten100 = 0;
  int Steps = 0;
  auto T0 = Clock::now();
  while (Steps < MaxSteps) {
    Net.step();
    ++Steps;
    if (Steps == 100) {
      Rss100 = rssKiB();
      Obj100 = janus_debug_live_objects();
      Ten100 = janus_debug_live_tensors();
    }
    if (Steps >= 100 &&
        std::chrono::duration<double>(Clock::now() - T0).count() > MaxSeconds)
      break;
  }
  std::printf("RESULT memory steps=%d rss100_kib=%ld rss_end_kib=%ld "
              "objects100=%lld objects_end=%lld tensors100=%lld "
              "tensors_end=%lld\n",
              Steps, Rss100, rssKiB(), (long long)Obj100,
              (long long)janus_debug_live_objects(), (long long)Ten100,
              (long long)janus_debug_live_tensors());
}

} // namespace

int main(int Argc, char **Argv) {
  int Threads = 1;
  std::string Data = "lenet-init.bin", Only;
  for (int I = 1; I < Argc; ++I) {
    if (!std::strcmp(Argv[I], "--quick"))
      Quick = true;
    else if (!std::strcmp(Argv[I], "--cpu-time"))
      CpuTime = true;
    else if (!std::strcmp(Argv[I], "--threads") && I + 1 < Argc)
      Threads = std::atoi(Argv[++I]);
    else if (!std::strcmp(Argv[I], "--data") && I + 1 < Argc)
      Data = Argv[++I];
    else if (!std::strcmp(Argv[I], "--only") && I + 1 < Argc)
      Only = Argv[++I];
    else {
      std::fprintf(stderr,
                   "usage: %s [--quick] [--cpu-time] [--threads N] [--data "
                   "FILE] [--only CASE]\n",
                   Argv[0]);
      return 2;
    }
  }
  try {
    check(janus_set_num_threads(Threads), "janus_set_num_threads");
  } catch (const std::exception &E) {
    std::fprintf(stderr, "%s\n", E.what());
    return 2;
  }
  std::printf("THREADS %d\n", janus_get_num_threads());
  int Failed = 0;
  auto run = [&](const char *Name, const std::function<void()> &Fn) {
    if (!Only.empty() && Only != Name)
      return;
    try {
      Fn();
    } catch (const std::exception &E) {
      std::printf("ERROR %s %s\n", Name, E.what());
      ++Failed;
    }
    std::fflush(stdout);
  };
  run("tiny_add", benchTinyAdd);
  run("lstm_b1", [] { benchLstm(1); });
  run("lstm_b64", [] { benchLstm(64); });
  run("sgemm1024", benchSgemm);
  run("conv1", [] { benchConv("conv1", {64, 1, 28, 28}, {6, 1, 5, 5}); });
  run("conv2", [] { benchConv("conv2", {64, 6, 12, 12}, {16, 6, 5, 5}); });
  run("lenet_step", [&] { benchLeNet(Data, std::max(scaled(100), 10)); });
  run("memory",
      [&] { benchMemory(Data, Quick ? 300 : 10000, Quick ? 6 : 60); });
  return Failed ? 1 : 0;
}
