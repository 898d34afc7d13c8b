// Text into HTML and SVG: every character that could open markup or end an attribute is escaped,
// so nothing a record's payload carries can become a tag, an attribute or a script in the report.
#pragma once

#include <string>
#include <string_view>

namespace kiosk::sim {

// & < > " ' → entities; control characters other than tab and newline → U+FFFD (they are not
// allowed in XML, so an SVG holding one would not render at all).
std::string html_escape(std::string_view text);

// "12.3" with `decimals` digits after the point.
std::string fixed_number(double value, int decimals);

}  // namespace kiosk::sim
