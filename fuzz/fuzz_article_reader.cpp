// libFuzzer target: see fuzz/fuzz_targets.h (dyad::fuzz::article_reader_one).
#include "fuzz_targets.h"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  dyad::fuzz::scratch_dir();

  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  dyad::fuzz::article_reader_one(data, size);
  return 0;
}
