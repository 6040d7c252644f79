// libFuzzer target: see fuzz/fuzz_targets.h (dyad::fuzz::verb_lexicon_one).
#include "fuzz_targets.h"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  dyad::fuzz::scratch_dir();
  dyad::fuzz::text_state();
  dyad::fuzz::real_codebook();
  dyad::fuzz::actor_state();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  dyad::fuzz::verb_lexicon_one(data, size);
  return 0;
}
