// SimPrinter: the ESC/POS printer model (see sim_printer.hpp).
#include "sim/devices/sim_printer.hpp"

#include <type_traits>

namespace kiosk::sim {

using drivers::PaperState;
namespace cmd = escpos_command;

std::string PrintedReceipt::text() const {
    std::string out;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (i != 0) out += '\n';
        out += lines[i].text;
    }
    return out;
}

SimPrinter::SimPrinter() { link_.on_device_receive([this] { pump(); }); }

void SimPrinter::run_out_after_lines(std::size_t lines) {
    const auto guard = link_.lock();
    lines_left_ = lines;
}

void SimPrinter::set_powered(bool powered) {
    const auto guard = link_.lock();
    powered_ = powered;
}

void SimPrinter::set_raster_reader(RasterReader reader) {
    const auto guard = link_.lock();
    raster_reader_ = std::move(reader);
}

PaperState SimPrinter::paper() const {
    const auto guard = link_.lock();
    return paper_;
}

PrintedReceipt SimPrinter::pending() const {
    const auto guard = link_.lock();
    return page_;
}

std::vector<PrintedReceipt> SimPrinter::receipts() const {
    const auto guard = link_.lock();
    return receipts_;
}

std::size_t SimPrinter::receipt_count() const {
    const auto guard = link_.lock();
    return receipts_.size();
}

std::vector<std::string> SimPrinter::decode_errors() const {
    const auto guard = link_.lock();
    return decode_errors_;
}

void SimPrinter::set_paper(PaperState paper) {
    const auto guard = link_.lock();
    paper_ = paper;
    near_end_.set(FaultMode::off);  // a new roll, or a state set by hand, ends a near-end fault
    if (paper == PaperState::out) {
        stopped_for_paper_end_ = true;
    } else {
        stopped_for_paper_end_ = false;
        lines_left_.reset();
    }
}

void SimPrinter::paper_near_end(FaultMode mode) {
    const auto guard = link_.lock();
    near_end_.set(mode);
    if (mode != FaultMode::off && paper_ == PaperState::ok) paper_ = PaperState::nearEnd;
    if (mode == FaultMode::off && paper_ == PaperState::nearEnd) paper_ = PaperState::ok;
}

void SimPrinter::paper_out_mid_receipt(FaultMode mode, std::size_t lines) {
    const auto guard = link_.lock();
    out_mid_receipt_.set(mode);
    out_after_lines_ = lines;
}

std::string SimPrinter::receipt_text() const {
    const auto guard = link_.lock();
    std::string text = page_.text();
    if (!line_.empty()) text += (text.empty() ? "" : "\n") + line_;
    return text;
}

// Runs inside the driver's write(), with the link's lock held; so do the functions below.
void SimPrinter::pump() {
    while (true) {
        auto bytes = link_.device().read(4096, Millis{0});
        if (!bytes) break;
        if (powered_) decoder_.feed(*bytes);
    }
    while (auto command = decoder_.next()) apply(*command);
}

void SimPrinter::answer_status(std::uint8_t n) {
    std::uint8_t reply = 0x12;  // bits 1 and 4 always set
    if (n == 4) {
        if (paper_ == PaperState::nearEnd) reply |= 0x0C;
        if (paper_ == PaperState::out) reply |= 0x6C;  // a printer at paper end also reports near end
    } else if (n == 2) {
        if (stopped_for_paper_end_) reply |= 0x20;
    } else if (n != 1 && n != 3) {
        decode_errors_.push_back("DLE EOT " + std::to_string(n) + " not supported");
        return;  // a real printer ignores it: no reply
    }
    (void)link_.device().write(ByteView(&reply, 1), Millis{0});
}

void SimPrinter::end_line() {
    if (paper_ == PaperState::out) {
        // Offline at paper end: the line is lost.
        stopped_for_paper_end_ = true;
    } else if (lines_left_ && *lines_left_ == 0) {
        paper_ = PaperState::out;
        stopped_for_paper_end_ = true;
    } else {
        page_.lines.push_back({line_, line_style_.value_or(style_), std::move(line_image_)});
        if (lines_left_) --*lines_left_;
        if (lines_left_ && *lines_left_ == 0) {
            paper_ = PaperState::out;
            stopped_for_paper_end_ = true;
        }
    }
    line_.clear();
    line_style_.reset();
    line_image_.reset();
}

void SimPrinter::print_image(const drivers::MonoBitmap& image) {
    if (!line_.empty()) end_line();
    line_style_ = style_;
    if (!raster_reader_) {
        line_ = "[image " + std::to_string(image.width) + " x " + std::to_string(image.height) + "]";
    } else if (auto text = raster_reader_(image); text) {
        line_ = *text;
    } else {
        decode_errors_.push_back("image line unreadable: " + text.error().message);
        line_ = "[unreadable image]";
    }
    line_image_ = image;
}

void SimPrinter::apply(const EscPosCommand& command) {
    std::visit(
        [this](const auto& c) {
            using C = std::decay_t<decltype(c)>;
            if constexpr (std::is_same_v<C, cmd::Text>) {
                if (!line_style_) line_style_ = style_;
                line_ += c.text;
            } else if constexpr (std::is_same_v<C, cmd::LineFeed>) {
                end_line();
            } else if constexpr (std::is_same_v<C, cmd::FeedLines>) {
                if (!line_.empty()) end_line();
            } else if constexpr (std::is_same_v<C, cmd::Initialize>) {
                style_ = drivers::LineStyle{};
                if (paper_ != PaperState::out && out_mid_receipt_.fire()) lines_left_ = out_after_lines_;
            } else if constexpr (std::is_same_v<C, cmd::Bold>) {
                style_.bold = c.on;
            } else if constexpr (std::is_same_v<C, cmd::Underline>) {
                style_.underline = c.thickness != 0;
            } else if constexpr (std::is_same_v<C, cmd::Size>) {
                style_.width = c.width;
                style_.height = c.height;
            } else if constexpr (std::is_same_v<C, cmd::Align>) {
                style_.align = c.alignment;
            } else if constexpr (std::is_same_v<C, cmd::QrStore>) {
                qr_data_ = c.data;
            } else if constexpr (std::is_same_v<C, cmd::QrPrint>) {
                if (paper_ != PaperState::out) page_.qr_codes.push_back(qr_data_);
            } else if constexpr (std::is_same_v<C, cmd::QrSetting>) {
                // Model, module size and error correction change how the symbol looks, not what
                // it says; the sim keeps only the payload.
            } else if constexpr (std::is_same_v<C, cmd::Cut>) {
                if (!line_.empty()) end_line();
                if (paper_ != PaperState::out) {
                    receipts_.push_back(std::move(page_));
                    page_ = PrintedReceipt{};
                    // A `once` near end lasts for one receipt.
                    if (near_end_.mode() == FaultMode::once && paper_ == PaperState::nearEnd) {
                        near_end_.set(FaultMode::off);
                        paper_ = PaperState::ok;
                    }
                }
            } else if constexpr (std::is_same_v<C, cmd::ChineseMode>) {
                // The decoder already gave the GB18030 text back as UTF-8.
            } else if constexpr (std::is_same_v<C, cmd::Raster>) {
                print_image(c.image);
            } else if constexpr (std::is_same_v<C, cmd::StatusRequest>) {
                answer_status(c.n);
            } else if constexpr (std::is_same_v<C, cmd::Unknown>) {
                decode_errors_.push_back(c.description);
            }
        },
        command);
}

}  // namespace kiosk::sim
