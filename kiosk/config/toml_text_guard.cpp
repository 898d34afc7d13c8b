#include "kiosk/config/toml_text_guard.hpp"

namespace kiosk {

namespace {

bool is_blank(char c) { return c == ' ' || c == '\t'; }

bool can_start_key(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ||
           c == '"' || c == '\'';
}

std::string describe(char c) {
    if (c == '\n' || c == '\r') return "end of line";
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte >= 0x7f) {
        static constexpr char kHex[] = "0123456789ABCDEF";
        return std::string("byte 0x") + kHex[byte >> 4] + kHex[byte & 0xF];
    }
    return std::string("'") + c + "'";
}

// One pass over the text, following comments, the four kinds of string and the nesting of
// arrays and inline tables, so that a '[' is known to open a table header only at the start of
// a line outside any value.
class Scanner {
public:
    explicit Scanner(std::string_view text) : text_(text) {
        // toml++ skips a UTF-8 byte-order mark at the very start.
        constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";
        if (text_.starts_with(kByteOrderMark)) at_ = line_start_ = kByteOrderMark.size();
    }

    std::optional<TomlTextProblem> run() {
        while (at_ < text_.size() && !problem_) {
            switch (mode_) {
                case Mode::Code: code(); break;
                case Mode::Comment: skip_to_end_of_line(); break;
                case Mode::Basic: string_body('"', false); break;
                case Mode::Literal: string_body('\'', false); break;
                case Mode::MultiBasic: string_body('"', true); break;
                case Mode::MultiLiteral: string_body('\'', true); break;
            }
        }
        return problem_;
    }

private:
    enum class Mode { Code, Comment, Basic, Literal, MultiBasic, MultiLiteral };

    char peek(std::size_t ahead = 0) const { return at_ + ahead < text_.size() ? text_[at_ + ahead] : '\0'; }
    bool at_triple(char quote) const { return peek() == quote && peek(1) == quote && peek(2) == quote; }

    void fail(std::size_t position, std::string description) {
        problem_ = TomlTextProblem{line_, position - line_start_ + 1, std::move(description)};
    }

    void new_line() {
        ++at_;
        ++line_;
        line_start_ = at_;
        only_blanks_so_far_ = true;
        token_start_ = true;
        in_header_ = false;
        // An unterminated single-line string or a comment ends here; toml++ reports the former.
        if (mode_ != Mode::MultiBasic && mode_ != Mode::MultiLiteral) mode_ = Mode::Code;
    }

    void code() {
        const char c = peek();
        if (c == '\n') return new_line();
        const bool line_start = only_blanks_so_far_;
        if (!is_blank(c)) only_blanks_so_far_ = false;
        // A quote opens a string only where a key or value may begin; inside a bare token (`+i'x`)
        // toml++ reads it as part of that token, up to the next terminator.
        const bool quote_may_open_string = token_start_;
        token_start_ = is_blank(c) || c == '=' || c == '[' || c == '{' || c == ',' || c == '.';
        if (c == '#') {
            mode_ = Mode::Comment;
        } else if ((c == '"' || c == '\'') && quote_may_open_string) {
            const bool triple = at_triple(c);
            mode_ = c == '"' ? (triple ? Mode::MultiBasic : Mode::Basic) : (triple ? Mode::MultiLiteral : Mode::Literal);
            if (triple) at_ += 2;
        } else if (c == '[' && line_start && depth_ == 0) {
            return table_header();
        } else if ((c == '[' || c == '{') && !in_header_) {
            ++depth_;
        } else if ((c == ']' || c == '}') && !in_header_) {
            if (depth_ > 0) --depth_;
        } else if (static_cast<unsigned char>(c) >= 0x80) {
            return fail(at_, "non-ASCII text must be inside a quoted string, saw " + describe(c));
        }
        ++at_;
    }

    void table_header() {
        in_header_ = true;
        ++at_;
        if (peek() == '[') ++at_;
        while (at_ < text_.size() && is_blank(peek())) ++at_;
        if (at_ < text_.size() && !can_start_key(peek())) {
            fail(at_, "table header must start with a name, saw " + describe(peek()));
        }
    }

    void skip_to_end_of_line() {
        if (peek() == '\n') return new_line();
        ++at_;
    }

    void string_body(char quote, bool multi_line) {
        const char c = peek();
        if (c == '\n') return new_line();
        if (c == '\\' && quote == '"') {
            at_ += peek(1) == '\n' ? 1U : 2U;  // an escaped newline (line-ending backslash) still counts as a line
            return;
        }
        if (c != quote) {
            ++at_;
            return;
        }
        if (!multi_line) {
            mode_ = Mode::Code;
            ++at_;
            return;
        }
        if (!at_triple(quote)) {
            ++at_;
            return;
        }
        // A multi-line string may end with up to two quotes of its own before the closing three.
        std::size_t run = 0;
        while (peek(run) == quote && run < 5) ++run;
        at_ += run;
        mode_ = Mode::Code;
    }

    std::string_view text_;
    std::size_t at_ = 0;
    std::size_t line_ = 1;
    std::size_t line_start_ = 0;
    bool only_blanks_so_far_ = true;
    bool in_header_ = false;
    bool token_start_ = true;
    int depth_ = 0;
    Mode mode_ = Mode::Code;
    std::optional<TomlTextProblem> problem_;
};

}  // namespace

std::optional<TomlTextProblem> find_unsafe_toml_text(std::string_view toml_text) { return Scanner(toml_text).run(); }

}  // namespace kiosk
