// libFuzzer target: see fuzz/fuzz_targets.h (dyad::fuzz::gazetteer_one).
#include "fuzz_targets.h"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  dyad::fuzz::scratch_dir();
  dyad::fuzz::text_state();
  dyad::fuzz::actor_state();
  dyad::fuzz::real_event_coder();
  dyad::fuzz::geo_dir(0);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  dyad::fuzz::gazetteer_one(data, size);
  return 0;
}
