// Catch2's main, in its own file so that the test files compile once each.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
