// libFuzzer target: see fuzz/fuzz_targets.h (dyad::fuzz::document_one).
#include "fuzz_targets.h"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  dyad::fuzz::scratch_dir();
  dyad::fuzz::document_resources();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  dyad::fuzz::document_one(data, size);
  return 0;
}
