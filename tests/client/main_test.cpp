// Entry point of the headless client tests (doctest). The cases live in the other files here.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include "doctest/doctest.h"
