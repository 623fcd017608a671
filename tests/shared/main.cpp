// Entry point of the shared/ test suite; the same sources build natively and as wasm (run by node).
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
