// Greedy line filling over "units": the smallest pieces a line may not be broken inside.
#include "ui/text_wrap.hpp"

#include "ui/utf8.hpp"

#include <utility>

namespace kiosk::ui {
namespace {

bool is_closing(char32_t c) {
    switch (c) {
        case U'，': case U'。': case U'、': case U'！': case U'？': case U'：': case U'；': case U'）':
        case U'」': case U'』': case U'”': case U'’': case U',': case U'.': case U'!': case U'?':
        case U':': case U';': case U')': return true;
        default: return false;
    }
}

// …and punctuation that may not end one.
bool is_opening(char32_t c) {
    switch (c) {
        case U'（': case U'「': case U'『': case U'“': case U'‘': case U'(': return true;
        default: return false;
    }
}

std::vector<std::string> split_units(std::string_view text) {
    std::vector<std::string> units;
    std::string current;
    char32_t previous = 0;
    for (std::size_t at = 0; at < text.size();) {
        const CodePoint cp = next_code_point(text, at);
        at += cp.bytes.size();
        const bool break_before = !current.empty() && !is_closing(cp.value) && !is_opening(previous) &&
                                  (is_cjk(cp.value) || is_cjk(previous));
        if (break_before) units.push_back(std::exchange(current, {}));
        current += cp.bytes;
        if (cp.value == U' ') units.push_back(std::exchange(current, {}));
        previous = cp.value;
    }
    if (!current.empty()) units.push_back(std::move(current));
    return units;
}

std::string trim_right(std::string line) {
    while (!line.empty() && line.back() == ' ') line.pop_back();
    return line;
}

// Breaks one over-long unit between code points so each piece fits (a piece holds at least one).
std::vector<std::string> split_long_unit(const std::string& unit, int max_width, const MeasureText& measure) {
    std::vector<std::string> pieces;
    std::string piece;
    for (std::size_t at = 0; at < unit.size();) {
        const CodePoint cp = next_code_point(unit, at);
        at += cp.bytes.size();
        std::string candidate = piece + std::string(cp.bytes);
        if (!piece.empty() && measure(trim_right(candidate)) > max_width) {
            pieces.push_back(std::move(piece));
            candidate = std::string(cp.bytes);
        }
        piece = std::move(candidate);
    }
    if (!piece.empty()) pieces.push_back(std::move(piece));
    return pieces;
}

std::string join(const std::vector<std::string>& units) {
    std::string text;
    for (const auto& unit : units) text += unit;
    return trim_right(text);
}

void wrap_paragraph(std::string_view paragraph, int max_width, const MeasureText& measure,
                    std::vector<std::string>& out) {
    std::vector<std::vector<std::string>> lines(1);  // each line as the units it holds
    for (const std::string& unit : split_units(paragraph)) {
        auto& line = lines.back();
        std::vector<std::string> extended = line;
        extended.push_back(unit);
        if (measure(join(extended)) <= max_width) {
            line = std::move(extended);
            continue;
        }
        if (!line.empty()) lines.emplace_back();
        if (measure(trim_right(unit)) <= max_width) {
            lines.back().push_back(unit);
            continue;
        }
        auto pieces = split_long_unit(unit, max_width, measure);
        for (std::size_t i = 0; i < pieces.size(); ++i) {
            if (i != 0) lines.emplace_back();
            lines.back().push_back(std::move(pieces[i]));
        }
    }
    // Widow control: a lone last unit (one Han character and its "。", say) pulls one unit down
    // from the line above when that still fits, so no line holds a single stranded character.
    if (lines.size() >= 2) {
        auto& last = lines[lines.size() - 1];
        auto& previous = lines[lines.size() - 2];
        if (last.size() == 1 && previous.size() > 2 && measure(join({previous.back(), last.front()})) <= max_width) {
            last.insert(last.begin(), previous.back());
            previous.pop_back();
        }
    }
    for (const auto& line : lines) out.push_back(join(line));
}

}  // namespace

std::vector<std::string> wrap_text(std::string_view text, int max_width, const MeasureText& measure) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (true) {
        const std::size_t end = text.find('\n', start);
        wrap_paragraph(text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start),
                       max_width, measure, lines);
        if (end == std::string_view::npos) break;
        start = end + 1;
    }
    return lines;
}

}  // namespace kiosk::ui
