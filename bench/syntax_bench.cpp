// Syntax stage benchmarks: tag+lemmatize+parse throughput on one thread (tokens/s)
// over the UD English EWT dev sentences, and model loading time.
//   cmake -S . -B build-bench -DDYAD_BENCH=ON && cmake --build build-bench --target dyad_bench
//   build-bench/dyad_bench --benchmark_filter=Syntax
#include <benchmark/benchmark.h>

#include <filesystem>

#include "dyad/io/conllu.h"
#include "dyad/syntax/analyzer.h"

namespace {

using dyad::syntax::Analyzer;

std::string dev_path() {
  return std::string(DYAD_SOURCE_DIR) + "/../shared/data/ud-english-ewt/en_ewt-ud-dev.conllu";
}

std::vector<dyad::Sentence> forms_only(const std::vector<dyad::ConlluSentence>& gold) {
  std::vector<dyad::Sentence> out;
  for (const auto& cs : gold) {
    dyad::Sentence s;
    for (const auto& t : cs.sentence.tokens) {
      dyad::Token x;
      x.form = t.form;
      s.tokens.push_back(x);
    }
    out.push_back(std::move(s));
  }
  return out;
}

void BM_SyntaxAnalyze(benchmark::State& state) {
  const std::string dir = Analyzer::default_model_dir();
  if (!Analyzer::available(dir) || !std::filesystem::exists(dev_path())) {
    state.SkipWithError("models or UD dev data missing");
    return;
  }
  Analyzer a = Analyzer::load(dir);
  auto sentences = forms_only(dyad::read_conllu_file(dev_path()));
  size_t tokens = 0;
  for (auto _ : state) {
    for (auto s : sentences) {  // copy: analyze writes into it
      a.analyze(s);
      tokens += s.tokens.size();
      benchmark::DoNotOptimize(s.tokens.data());
    }
  }
  state.counters["tokens/s"] = benchmark::Counter(static_cast<double>(tokens), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_SyntaxAnalyze)->Unit(benchmark::kMillisecond)->MinTime(2.0);

void BM_SyntaxLoad(benchmark::State& state) {
  const std::string dir = Analyzer::default_model_dir();
  if (!Analyzer::available(dir)) {
    state.SkipWithError("models missing");
    return;
  }
  for (auto _ : state) {
    Analyzer a = Analyzer::load(dir);
    benchmark::DoNotOptimize(&a);
  }
}
BENCHMARK(BM_SyntaxLoad)->Unit(benchmark::kMillisecond);

}  // namespace
