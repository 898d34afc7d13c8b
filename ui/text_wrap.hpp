// Line breaking for English and Chinese: English breaks at spaces, Chinese between any two
// characters — except never before closing punctuation (，。！？) or after an opening one (“（).
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::ui {

// Width in pixels of a piece of text (the renderer passes the font's measure; tests pass a fake).
using MeasureText = std::function<int(std::string_view)>;

// Splits `text` into lines no wider than `max_width`. A word wider than a whole line is broken
// between characters. "\n" forces a break. Trailing spaces are dropped from each line.
std::vector<std::string> wrap_text(std::string_view text, int max_width, const MeasureText& measure);

}  // namespace kiosk::ui
