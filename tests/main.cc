// Catch2's main, in its own file so that the test files compile once each. It exits with
// kSkippedExitCode (test_util.h) when every test passed but some stopped for want of the samples,
// so that such a run shows as skipped, not passed; GOUJI_REQUIRE_SAMPLES=1 turns a missing sample
// into a failure instead.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <cstdlib>
#include <cstring>
#include <iostream>

#ifdef __EMSCRIPTEN__
#include <emscripten.h>
#endif

#include "test_util.h"

namespace {

bool RequireSamples() {
#ifdef __EMSCRIPTEN__
  // Emscripten's getenv does not see Node's environment.
  return EM_ASM_INT({
    return typeof process !== "undefined" && process.env.GOUJI_REQUIRE_SAMPLES === "1" ? 1 : 0;
  }) == 1;
#else
  const char* value = std::getenv("GOUJI_REQUIRE_SAMPLES");
  return value != nullptr && std::strcmp(value, "1") == 0;
#endif
}

}  // namespace

int main(int argc, char* argv[]) {
  using gouji::testing::kSkippedExitCode;
  gouji::testing::SamplesRequired() = RequireSamples();
  const int result = Catch::Session().run(argc, argv);
  if (result != 0) return result == kSkippedExitCode ? 1 : result;  // failures are never a skip
  if (gouji::testing::SamplesMissing() > 0) {
    std::cerr << "SKIPPED: " << gouji::testing::SamplesMissing() << " sample read(s) found nothing under "
              << GOUJI_SAMPLES_DIR << " (set GOUJI_REQUIRE_SAMPLES=1 to make that a failure)\n";
    return kSkippedExitCode;
  }
  return 0;
}
