// SimPrinter: an 80 mm ESC/POS thermal printer behind a LoopbackPair. It decodes the byte stream
// the EscPosPrinter driver writes into styled lines, QR payloads and cut receipts, and answers the
// real-time status requests DLE EOT 4 / DLE EOT 2 from its paper model. Faults: paper near end,
// paper out (now, or after N more lines: mid-receipt), power off.
// Threads: every public method takes the link's lock (loopback_transport.hpp); call from any thread.
// Run: build/h-drivers/bin/drivers_tests --gtest_filter='EscPosPrinter*'
//      build/h-drivers/bin/sim_devices_tests --gtest_filter='SimPrinter*'
// Used by: tests/drivers/escpos_printer_test.cpp, tests/sim/sim_printer_test.cpp.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "drivers/printer/escpos_status.hpp"
#include "drivers/printer/receipt_printer.hpp"
#include "sim/devices/escpos_stream_decoder.hpp"
#include "sim/devices/fault_mode.hpp"
#include "sim/devices/loopback_transport.hpp"

namespace kiosk::sim {

struct PrintedLine {
    std::string text;          // UTF-8; for an image, what the raster reader read from it
    drivers::LineStyle style;  // in force when the line's first character was printed
    std::optional<drivers::MonoBitmap> image;  // a line printed as GS v 0
};

// Reads the text back from a line printed as an image (ui/'s RasterTextReader in tests); an error
// says why it could not.
using RasterReader = std::function<Result<std::string>(const drivers::MonoBitmap&)>;

struct PrintedReceipt {
    std::vector<PrintedLine> lines;
    std::vector<std::string> qr_codes;

    // The lines' text joined with '\n' (no trailing newline).
    [[nodiscard]] std::string text() const;
};

class SimPrinter {
public:
    SimPrinter();
    SimPrinter(const SimPrinter&) = delete;
    SimPrinter& operator=(const SimPrinter&) = delete;

    drivers::Transport& host_transport() { return link_.host(); }
    LoopbackPair& link() { return link_; }

    // --- faults ---
    void set_paper(drivers::PaperState paper);
    // Paper runs out once `lines` more lines are printed; the next line is lost.
    void run_out_after_lines(std::size_t lines);
    void load_paper() { set_paper(drivers::PaperState::ok); }
    // Fault modes for the fault table and the control socket. Near end: `once` lasts until the
    // next receipt is cut, `always` until set_paper/load_paper. Out mid-receipt: the roll ends
    // after `lines` lines of the next receipt (`once`) or of every receipt, even after a reload
    // (`always`, a run of short rolls); it is armed when a job starts (ESC @).
    void paper_near_end(FaultMode mode);
    void paper_out_mid_receipt(FaultMode mode, std::size_t lines);
    void set_powered(bool powered);
    // Without a reader an image line's text is "[image W x H]".
    void set_raster_reader(RasterReader reader);

    // --- what a test can see (copies: a driver may change the model meanwhile) ---
    [[nodiscard]] drivers::PaperState paper() const;
    // Text on the page not yet cut (what a customer would see hanging out of the slot).
    [[nodiscard]] std::string receipt_text() const;
    [[nodiscard]] PrintedReceipt pending() const;
    // Receipts cut so far, oldest first.
    [[nodiscard]] std::vector<PrintedReceipt> receipts() const;
    [[nodiscard]] std::size_t receipt_count() const;
    // Descriptions of byte sequences the printer could not decode.
    [[nodiscard]] std::vector<std::string> decode_errors() const;

private:
    void pump();
    void apply(const EscPosCommand& command);
    void end_line();
    void print_image(const drivers::MonoBitmap& image);
    void answer_status(std::uint8_t n);

    LoopbackPair link_{"sim printer"};
    EscPosStreamDecoder decoder_;
    RasterReader raster_reader_;
    drivers::LineStyle style_;
    std::string line_;
    std::optional<drivers::LineStyle> line_style_;
    std::optional<drivers::MonoBitmap> line_image_;
    std::string qr_data_;
    PrintedReceipt page_;
    std::vector<PrintedReceipt> receipts_;
    std::vector<std::string> decode_errors_;
    drivers::PaperState paper_ = drivers::PaperState::ok;
    std::optional<std::size_t> lines_left_;
    bool stopped_for_paper_end_ = false;
    Fault near_end_;          // `once`: cleared at the next cut
    Fault out_mid_receipt_;   // fires at each ESC @
    std::size_t out_after_lines_ = 0;
    bool powered_ = true;
};

}  // namespace kiosk::sim
