// EscPosPrinter: prints a Receipt line by line, watching the paper sensor between lines.
#include "drivers/printer/escpos_printer.hpp"

#include <string>

namespace kiosk::drivers {
namespace {

constexpr const char* device_name = "printer";
// Bytes left over from an earlier, timed-out request are dropped before a new one; a printer
// that keeps sending more than this is broken.
constexpr std::size_t max_stale_bytes = 64;

}  // namespace

bool is_ascii(std::string_view text) {
    for (const char c : text) {
        if (static_cast<std::uint8_t>(c) >= 0x80) return false;
    }
    return true;
}

Result<Bytes> encode_line(const ReceiptLine& line, bool chinese_mode) {
    EscPosEncoder encoder;
    encoder.align(line.style.align)
        .bold(line.style.bold)
        .underline(line.style.underline ? 1 : 0)
        .size(line.style.width, line.style.height);
    if (chinese_mode) {
        encoder.chinese_text(line.text);
    } else {
        encoder.text(line.text);
    }
    encoder.line_feed();
    if (line.style != LineStyle{}) {
        encoder.bold(false).underline(0).size(1, 1).align(Alignment::left);
    }
    return encoder.finish();
}

Result<Bytes> encode_raster_line(const MonoBitmap& image, Alignment align) {
    EscPosEncoder encoder;
    encoder.align(align).raster(image).line_feed();
    if (align != Alignment::left) encoder.align(Alignment::left);
    return encoder.finish();
}

EscPosPrinter::EscPosPrinter(Transport& transport, Millis timeout)
    : EscPosPrinter(transport, EscPosPrinterOptions{timeout}) {}

EscPosPrinter::EscPosPrinter(Transport& transport, EscPosPrinterOptions options)
    : transport_(transport), options_(options), timeout_(options.timeout) {}

Result<Bytes> EscPosPrinter::encode(const ReceiptLine& line) {
    if (is_ascii(line.text)) return encode_line(line);
    if (options_.chinese == ChineseTextMode::gb18030) return encode_line(line, true);
    if (options_.rasterizer == nullptr) {
        return make_error(device_name, "raster printing configured without a rasterizer");
    }
    auto image = options_.rasterizer->rasterize(line, options_.paper_dots);
    if (!image) return image.error();
    return encode_raster_line(*image, line.style.align);
}

Status EscPosPrinter::send(const Bytes& bytes, std::string_view what) {
    if (auto sent = transport_.write(bytes, timeout_); !sent) {
        return link_failure(device_name, "sending " + std::string(what), sent.error());
    }
    return ok_status();
}

Result<std::uint8_t> EscPosPrinter::real_time_request(const Bytes& request, std::string_view name) {
    std::size_t stale = 0;
    while (true) {
        auto old = transport_.read(max_stale_bytes, Millis{0});
        if (!old) {
            if (is_timeout(old.error())) break;
            return link_failure(device_name, "reading before " + std::string(name), old.error());
        }
        stale += old->size();
        if (stale > max_stale_bytes) {
            return make_error(device_name, "printer sends data nobody asked for");
        }
    }
    KIOSK_TRY(send(request, name));
    auto reply = transport_.read(1, timeout_);
    if (!reply) {
        if (is_timeout(reply.error())) {
            return make_error(device_name, "no reply to " + std::string(name) + " within " +
                                               std::to_string(timeout_.count()) + " ms");
        }
        return link_failure(device_name, "reading " + std::string(name) + " reply", reply.error());
    }
    if (reply->size() != 1) {
        return make_error(device_name, std::string(name) + " reply has " +
                                           std::to_string(reply->size()) + " bytes, expected 1");
    }
    return reply->front();
}

Result<PaperState> EscPosPrinter::paper_state() {
    auto byte = real_time_request(roll_paper_status_request(), "DLE EOT 4");
    if (!byte) return byte.error();
    const std::uint8_t value = *byte;
    return decode_roll_paper_status(ByteView(&value, 1));
}

Result<OfflineCause> EscPosPrinter::offline_cause() {
    auto byte = real_time_request(offline_cause_request(), "DLE EOT 2");
    if (!byte) return byte.error();
    const std::uint8_t value = *byte;
    return decode_offline_cause(ByteView(&value, 1));
}

Status EscPosPrinter::check_paper_after(std::size_t printed, std::size_t total) {
    auto paper = paper_state();
    if (!paper) return paper.error();
    if (*paper != PaperState::out) return ok_status();
    std::string message = "paper ran out after line " + std::to_string(printed) + " of " +
                          std::to_string(total);
    // DLE EOT 2 confirms the printer stopped for it; a failure here does not hide the paper-out.
    if (auto cause = offline_cause(); cause && cause->stopped_for_paper_end) {
        message += "; printing stopped for paper end";
    }
    return make_error(device_name, message);
}

Status EscPosPrinter::print(const Receipt& receipt) {
    auto paper = paper_state();
    if (!paper) return paper.error();
    if (*paper == PaperState::out) return make_error(device_name, "paper out; nothing printed");

    auto init = EscPosEncoder().initialize().finish();
    if (!init) return init.error();
    KIOSK_TRY(send(*init, "initialise"));

    const std::size_t total = receipt.lines.size();
    for (std::size_t i = 0; i < total; ++i) {
        auto bytes = encode(receipt.lines[i]);
        if (!bytes) {
            return make_error(device_name, "line " + std::to_string(i + 1) + " cannot be encoded: " +
                                               bytes.error().message);
        }
        KIOSK_TRY(send(*bytes, "line " + std::to_string(i + 1)));
        KIOSK_TRY(check_paper_after(i + 1, total));
    }

    EscPosEncoder tail;
    if (receipt.qr_code) {
        tail.align(Alignment::center).qr_code(*receipt.qr_code).line_feed().align(Alignment::left);
    }
    tail.cut(CutMode::partial, 3);
    auto tail_bytes = tail.finish();
    if (!tail_bytes) return make_error(device_name, "QR code cannot be encoded: " +
                                                        tail_bytes.error().message);
    KIOSK_TRY(send(*tail_bytes, "QR code and cut"));
    return check_paper_after(total, total);
}

PrinterStatus EscPosPrinter::status() {
    auto paper = paper_state();
    if (!paper) {
        if (escpos_status_error_of(paper.error())) {
            return {DeviceStatus{DeviceState::hardwareError,
                                 DeviceError{ErrorType::hardware, RecommendedAction::reset,
                                             paper.error().message}},
                    std::nullopt};
        }
        return {unreachable_status(paper.error()), std::nullopt};
    }
    if (*paper == PaperState::out) {
        // The printer cannot print until a technician loads paper.
        return {DeviceStatus{DeviceState::hardwareError,
                             DeviceError{ErrorType::hardware, RecommendedAction::maintenance,
                                         "paper out"}},
                *paper};
    }
    return {DeviceStatus{DeviceState::online, std::nullopt}, *paper};
}

}  // namespace kiosk::drivers
