// The browser's text proxy for ImGui text fields (text_proxy_web.cpp): a real input element that
// takes the focus while a field has the keyboard, so input methods and phone keyboards work.
#pragma once
#include <string>

namespace spoc::platform {

void UpdateTextProxy();    // after each frame: focus, position and type of the proxy follow the active field
bool TextProxyHasFocus();  // true while typed text arrives through the proxy (GLFW's chars are then dropped)
void ResyncTextProxy();    // the proxy's text may have drifted: send the field's again after the next frame
void SetComposition(const std::string& text);  // uncommitted input-method text ("" when none)
void DrawCompositionPreview();                 // before ImGui::Render: the composition, inline and underlined

}  // namespace spoc::platform
