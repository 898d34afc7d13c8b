// GB18030 ⇄ UTF-8 through iconv (see gb18030.hpp).
#include "drivers/printer/gb18030.hpp"

#include <cerrno>
#include <iconv.h>
#include <memory>

namespace kiosk::drivers {
namespace {

struct IconvClose {
    void operator()(void* handle) const { iconv_close(static_cast<iconv_t>(handle)); }
};
using UniqueIconv = std::unique_ptr<void, IconvClose>;

// Converts all of `input` from `from` to `to`; errors name `what` and the input offset.
Result<std::string> convert(const char* from, const char* to, std::string_view input, std::string_view what) {
    iconv_t raw = iconv_open(to, from);
    if (raw == reinterpret_cast<iconv_t>(-1)) {
        return make_error("gb18030", std::string("iconv cannot convert ") + from + " to " + to);
    }
    UniqueIconv handle(raw);
    std::string output(input.size() * 4 + 8, '\0');
    // iconv's interface is not const-correct; it never writes through the input pointer.
    char* in = const_cast<char*>(input.data());
    std::size_t in_left = input.size();
    char* out = output.data();
    std::size_t out_left = output.size();
    if (iconv(raw, &in, &in_left, &out, &out_left) == static_cast<std::size_t>(-1)) {
        const auto offset = std::to_string(static_cast<std::size_t>(in - input.data()));
        if (errno == EINVAL) return make_error("gb18030", std::string(what) + " is cut off at byte " + offset);
        return make_error("gb18030", std::string(what) + " is invalid at byte " + offset);
    }
    output.resize(output.size() - out_left);
    return output;
}

}  // namespace

Result<Bytes> utf8_to_gb18030(std::string_view utf8) {
    auto converted = convert("UTF-8", "GB18030", utf8, "UTF-8 text");
    if (!converted) return converted.error();
    return Bytes(converted->begin(), converted->end());
}

Result<std::string> gb18030_to_utf8(ByteView gb18030) {
    const std::string_view input(reinterpret_cast<const char*>(gb18030.data()), gb18030.size());
    return convert("GB18030", "UTF-8", input, "GB18030 text");
}

std::size_t gb18030_char_length(std::uint8_t lead, std::uint8_t second) {
    if (lead < 0x80) return 1;
    if (lead == 0x80 || lead == 0xFF) return 0;
    return second >= 0x30 && second <= 0x39 ? 4 : 2;
}

}  // namespace kiosk::drivers
