// Motion: whether the UI may move (the browser's prefers-reduced-motion), and every animation the
// client draws as a pure function of time, each with a still form. Draw code asks these for the
// phase instead of reading ImGui::GetTime() itself, so reduced motion is one switch, tested natively.
#pragma once

namespace spoc::ui {

// prefers-reduced-motion: reduce. When set, spinners hold a fixed arc, skeletons stop pulsing, the
// activity bar under the top bar is a steady line and text carets stop blinking; none of them then
// asks for animation frames. The platform calls it at start-up and whenever the media query
// changes; it takes effect from the next frame. Off until called.
void SetReducedMotion(bool reduced);
bool ReducedMotion();

float SkeletonAlpha(double time);  // a loading placeholder's pulse, 0.55..1 (opacity); 1 when still
float SpinnerAngle(double time);   // where a spinner's arc starts (radians); fixed (12 o'clock) when still
bool CaretVisible(
    double since);  // a caret's blink `since` seconds after it moved: 0.8 s on, 0.4 s off; always on when still

struct ActivitySpan {
    float begin = 0;  // from the left edge, CSS px
    float end = 0;
};
ActivitySpan ActivityBarSpan(double time, float width);  // the sliding quarter of the busy bar; all of it when still

}  // namespace spoc::ui
