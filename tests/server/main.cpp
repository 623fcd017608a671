// Entry point of the server test suite: real SQLite files in temp folders, real HTTP on loopback.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
