// Motion (see motion.h): the reduced-motion switch and the phase of each animation.
#include "client/ui/motion.h"

#include <algorithm>
#include <cmath>

namespace spoc::ui {

namespace {
bool g_reduced_motion = false;
constexpr float kPi = 3.14159265358979f;
}  // namespace

void SetReducedMotion(bool reduced) { g_reduced_motion = reduced; }
bool ReducedMotion() { return g_reduced_motion; }

float SkeletonAlpha(double time) {
    if (g_reduced_motion) return 1.0f;
    return 0.55f + 0.45f * (0.5f + 0.5f * static_cast<float>(std::sin(time * 3.2)));
}

float SpinnerAngle(double time) {
    if (g_reduced_motion) return -0.5f * kPi;
    return static_cast<float>(std::fmod(time * 5.5, 2.0 * kPi));
}

bool CaretVisible(double since) {
    if (g_reduced_motion) return true;
    return std::fmod(std::max(0.0, since), 1.2) < 0.8;
}

ActivitySpan ActivityBarSpan(double time, float width) {
    if (g_reduced_motion || width <= 0) return {0.0f, std::max(0.0f, width)};
    const float seg = width * 0.25f;
    const float pos = static_cast<float>(std::fmod(time * width * 0.6, static_cast<double>(width + seg))) - seg;
    return {std::max(0.0f, pos), std::min(width, pos + seg)};
}

}  // namespace spoc::ui
