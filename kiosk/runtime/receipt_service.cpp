#include "kiosk/runtime/receipt_service.hpp"

#include <cstdio>

#include "kiosk/runtime/recorder.hpp"

namespace kiosk {

ReceiptService::ReceiptService(RuntimePorts ports, PrinterWorker& printer, Session& session, std::string bank_name,
                               std::string terminal_id, std::string e_receipt_url, DeviceTimeouts timeouts)
    : ports_(std::move(ports)), printer_(printer), session_(session), bank_name_(std::move(bank_name)),
      terminal_id_(std::move(terminal_id)), e_receipt_url_(std::move(e_receipt_url)), timeouts_(timeouts) {}

std::vector<std::string> ReceiptService::print(const flow::Context& context) {
    const ReceiptFacts facts{bank_name_, terminal_id_, ports_.clock.now(),
                             context.pending_transaction.value_or(host::TransactionType::BalanceInquiry),
                             context.from_account.value_or(host::AccountType::Default),
                             context.to_account.value_or(host::AccountType::Default), context.language};
    drivers::Receipt receipt = build_receipt(facts, session_);
    std::vector<std::string> text;
    for (const drivers::ReceiptLine& line : receipt.lines) text.push_back(line.text);
    printer_.submit<Done>(
        "print", timeouts_.print,
        [receipt = std::move(receipt)](drivers::ReceiptPrinter& printer) { return printer.print(receipt); },
        [this](const Completion<Done>& done) {
            if (!done.ok()) {
                ports_.note("receipt printer: " + done.describe());
                ports_.post(flow::events::PrintFailed{});
                return;
            }
            ports_.post(flow::events::PrintDone{});
        });
    return text;
}

void ReceiptService::issue_e_receipt(host::TransactionType type) {
    // Terminal, UTC date and STAN name the request at the host.
    const std::string date = format_utc(session_.last_request_time).substr(0, 10);
    char stan[8];
    std::snprintf(stan, sizeof stan, "%06u", static_cast<unsigned>(session_.last_stan));
    std::string compact_date;
    for (const char c : date) {
        if (c != '-') compact_date += c;
    }
    session_.e_receipt_reference = terminal_id_ + "-" + compact_date + "-" + stan;
    ports_.recorder.journal("customer", "e_receipt", "success", "receipt " + session_.e_receipt_reference,
                            std::string(host::to_string(type)));
}

std::string ReceiptService::e_receipt_text(ui::Language language) const {
    std::string text = e_receipt_url_;
    const auto replace = [&text](std::string_view placeholder, std::string_view value) {
        if (const auto at = text.find(placeholder); at != std::string::npos) text.replace(at, placeholder.size(), value);
    };
    replace("{reference}", session_.e_receipt_reference);
    // The bank's e-receipt page opens in the customer's language.
    replace("{lang}", language == ui::Language::SimplifiedChinese ? "zh-CN" : "en");
    return text;
}

}  // namespace kiosk
