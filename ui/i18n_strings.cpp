// The string table: every key any screen, button or message uses, English and 简体中文 side by
// side. Chinese uses full-width punctuation; wording is plain and polite (请…), as bank kiosks do.
#include <array>

#include "ui/i18n.hpp"

namespace kiosk::ui {
namespace {

constexpr std::array kTable = std::to_array<Translation>({
    // Header and shared pieces.
    {"language.english", "English", "English"},  // each language names itself in its own script
    {"language.chinese", "简体中文", "简体中文"},
    {"header.time_left", "{} s left", "剩余 {} 秒"},
    {"time.seconds", "seconds", "秒"},
    {"card.label", "Card", "银行卡"},
    {"action.cancel", "Cancel", "取消"},
    {"action.continue", "Continue", "继续"},
    {"action.try_again", "Try again", "重新输入"},

    // Attract.
    {"attract.title", "Welcome", "欢迎使用"},
    {"attract.body", "Please insert your card to begin. You can choose your language below.",
     "请插入银行卡开始办理业务。您可以在下方选择语言。"},

    // Reading card.
    {"reading.title", "Reading your card", "正在读取银行卡"},
    {"reading.body", "Please wait a moment and do not remove your card.", "请稍候，请勿取出银行卡。"},

    // PIN entry.
    {"pin.title", "Enter your PIN", "请输入密码"},
    {"pin.prompt", "Type your PIN on the keypad, then press Enter. Cover the keypad with your hand.",
     "请在密码键盘上输入密码，然后按“确认”键。请用手遮挡键盘。"},
    {"pin.digits_entered", "PIN", "密码"},

    // Main menu.
    {"menu.title", "What would you like to do?", "请选择您要办理的业务"},
    {"menu.body", "Touch one of the options below.", "请点击下方的选项。"},
    {"menu.balance", "Check balance", "查询余额"},
    {"menu.withdrawal", "Withdraw cash", "取款"},

    // Processing.
    {"processing.title", "Please wait", "请稍候"},
    {"processing.body", "We are contacting your bank. This usually takes a few seconds.",
     "正在联系您的银行，通常只需几秒钟。"},

    // Balance.
    {"balance.title", "Your balance", "账户余额"},
    {"balance.body", "Please keep this information private.", "请注意保护您的账户信息。"},
    {"balance.label", "Available balance", "可用余额"},

    // Receipt.
    {"receipt.title", "Receipt", "交易凭条"},
    {"receipt.question", "Would you like a printed receipt?", "您需要打印交易凭条吗？"},
    {"receipt.yes", "Yes, print", "是，打印"},
    {"receipt.no", "No, thanks", "不需要"},
    {"printing.title", "Printing your receipt", "正在打印凭条"},
    {"printing.body", "Please take your receipt from the slot when it comes out.", "凭条打印完成后，请从出口取走。"},

    // Card return and goodbye.
    {"take_card.title", "Please take your card", "请取回您的银行卡"},
    {"take_card.body", "Your card is being returned. Please take it from the card slot.",
     "银行卡正在退出，请从插卡口取走。"},
    {"thank_you.title", "Thank you", "谢谢惠顾"},
    {"thank_you.body", "Thank you for banking with us. Have a good day.", "感谢您的使用，祝您生活愉快。"},

    // Wrong PIN and retained card.
    {"wrong_pin.title", "Incorrect PIN", "密码错误"},
    {"wrong_pin.body", "The PIN you entered is not correct. Please try again.", "您输入的密码不正确，请重新输入。"},
    {"wrong_pin.tries_left", "Tries left: {}", "剩余尝试次数：{}"},
    {"retained.title", "Your card has been kept", "您的银行卡已被保留"},
    {"retained.body",
     "For your security, this machine has kept your card. Please contact your bank to get it back.",
     "为保障您的资金安全，本机已保留您的银行卡。请联系您的发卡银行领回。"},

    // Failures.
    {"failed.title", "Transaction not completed", "交易未能完成"},
    {"failed.body", "Your account has not been changed. Please take your card.", "您的账户未发生变动，请取回银行卡。"},
    {"unreadable.title", "Card could not be read", "无法读取银行卡"},
    {"unreadable.body", "Please take your card, check which way up it goes, and try again.",
     "请取回银行卡，确认插卡方向后重试。"},
    {"more_time.title", "Do you need more time?", "您需要更多时间吗？"},
    {"more_time.body", "For your security, this session will end soon.", "为保障您的安全，本次服务即将结束。"},
    {"more_time.yes", "Yes, more time", "是，继续办理"},
    {"more_time.no", "No, finish", "否，结束"},
    {"out_of_service.title", "Temporarily out of service", "暂停服务"},
    {"out_of_service.body", "Sorry, this machine cannot serve you right now. Please use another machine or visit a branch.",
     "抱歉，本机暂时无法提供服务。请使用其他自助设备或前往网点办理。"},

    // Reasons the flow puts in ViewModel::message_key.
    {"card.unreadable", "Your card could not be read.", "无法读取您的银行卡。"},
    {"card.not_taken", "The card was not taken in time, so it has been kept for your security.",
     "银行卡未在规定时间内取走，为保障安全已被保留。"},
    {"card.jammed", "The card could not be returned.", "银行卡无法退出。"},
    {"session.cancelled", "You cancelled the transaction.", "您已取消交易。"},
    {"session.timed_out", "The session ended because there was no response.", "由于长时间无操作，本次服务已结束。"},
    {"pin.wrong", "Incorrect PIN. Please try again.", "密码错误，请重新输入。"},
    {"pin.tries_exceeded", "The PIN was entered incorrectly too many times.", "密码输入错误次数过多。"},
    {"receipt.failed", "Sorry, the receipt could not be printed.", "抱歉，凭条打印失败。"},
    {"decline.approved", "Approved.", "交易成功。"},
    {"decline.do_not_honour", "Your bank declined this transaction. Please contact your bank.",
     "您的发卡银行拒绝了此交易，请联系发卡银行。"},
    {"decline.insufficient_funds", "There are not enough funds in your account.", "您的账户余额不足。"},
    {"decline.expired_card", "This card has expired.", "该银行卡已过期。"},
    {"decline.wrong_pin", "The PIN was not correct.", "密码不正确。"},
    {"decline.limit_exceeded", "This is over your daily limit.", "已超出每日交易限额。"},
    {"decline.pin_tries_exceeded", "The PIN was entered incorrectly too many times.", "密码输入错误次数过多。"},
    {"decline.system_error", "Your bank could not handle this request. Please try again later.",
     "银行系统暂时无法处理您的请求，请稍后再试。"},
    {"decline.host_unavailable", "We cannot reach your bank right now. Please try again later.",
     "暂时无法连接您的银行，请稍后再试。"},
    {"decline.unknown", "The transaction was declined.", "交易被拒绝。"},
});

}  // namespace

std::span<const Translation> translation_table() { return kTable; }

}  // namespace kiosk::ui
