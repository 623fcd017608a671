// The screen-reader mirror (a11y_web.cpp): a hidden DOM tree with a role, name and state for every
// widget and text ImGui drew, kept in step with the frames; focus and activation go both ways.
#pragma once

namespace spoc::platform {

void ApplyA11yRequests();  // after NewFrame: a focus asked for by a screen reader becomes ImGui's
void UpdateA11yMirror();   // after each frame: the DOM mirror follows the item hooks (only changes touch the DOM)

}  // namespace spoc::platform
