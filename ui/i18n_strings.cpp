// The string table: every key any screen, button or message uses, English and 简体中文 side by
// side. Chinese uses full-width punctuation; wording is plain and polite (请…), as bank kiosks do.
#include <array>

#include "ui/i18n.hpp"

namespace kiosk::ui {
namespace {

constexpr std::array kTable = std::to_array<Translation>({
    // Header and shared pieces.
    {"header.report_problem", "Report a problem", "报告问题"},
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
    {"decline.invalid_transaction", "This transaction is not possible with this card or account.",
     "此卡或此账户不支持该交易。"},
    {"decline.invalid_amount", "This amount is not allowed.", "该金额不被允许。"},
    {"decline.original_not_found", "Your bank could not find the original transaction.", "银行未找到原交易。"},
    {"decline.invalid_account", "That account is not available for this card.", "此卡没有可用的该类账户。"},
    {"decline.invalid_one_time_code", "The code or the phone number is not correct, or the code was already used.",
     "取款码或手机号码不正确，或该取款码已被使用。"},
    {"decline.one_time_code_expired", "This code has expired. Please create a new one in the app.",
     "该取款码已过期，请在手机银行中重新生成。"},
    {"cash.dispense_failed", "Sorry, the cash could not be dispensed. Your account has not been charged.",
     "抱歉，出钞失败。您的账户未被扣款。"},
    {"cash.not_taken", "The cash was not taken and has been kept safe. Your account will not be charged.",
     "现金未被取走，已由机器收回。您的账户不会被扣款。"},
    {"amount.invalid", "Please enter an amount above zero.", "请输入大于零的金额。"},
    {"attract.cards_unavailable", "Cards cannot be used right now. Cardless withdrawal is available.",
     "暂时无法使用银行卡，可使用无卡取款。"},
    // Session options (after the card is read, before the PIN).
    {"options.title", "Before you start", "开始之前"},
    {"options.body", "Set your language, display and speech.", "请设置语言、屏幕显示和语音播报。"},
    {"options.large_text", "Large text", "大字体"},
    {"options.high_contrast", "High contrast", "高对比度"},
    {"options.speech", "Speech", "语音播报"},
    {"toggle.on", "On", "已开启"},
    {"toggle.off", "Off", "已关闭"},

    // More of the main menu.
    {"menu.mini_statement", "Mini statement", "交易明细"},
    {"menu.mini_statement_screen", "Mini statement (on screen)", "交易明细（屏幕显示）"},
    {"menu.transfer", "Transfer", "转账"},
    {"menu.change_pin", "Change PIN", "修改密码"},

    // Withdrawal amount.
    {"amount.title", "How much would you like?", "请选择取款金额"},
    {"amount.body", "Touch an amount, or choose Other amount.", "请点击金额，或选择“其他金额”。"},
    {"amount.usual", "Your usual", "您的常用金额"},
    {"amount.other", "Other amount", "其他金额"},
    {"amount.label", "Amount", "金额"},
    {"amount.not_multiple", "This machine cannot pay out that amount.", "本机无法支付该金额。"},
    {"amount.too_large", "That is more than this machine can pay out at once.", "该金额超出本机单次取款上限。"},
    {"enter_amount.title", "Enter the amount", "请输入金额"},
    {"enter_amount.body", "Type the amount on the keypad and press Enter. Press Clear to correct it.",
     "请在键盘上输入金额并按“确认”键。如需修改，请按“更正”键。"},
    {"enter_amount.step", "Amounts in multiples of {}", "金额须为 {} 的整数倍"},

    // Account choice.
    {"account.title", "Choose an account", "请选择账户"},
    {"account.body", "Touch the account you want to use.", "请点击您要使用的账户。"},
    {"account.from", "Transfer from which account?", "请选择转出账户"},
    {"account.to", "Transfer to which account?", "请选择转入账户"},
    {"account.savings", "Savings", "储蓄账户"},
    {"account.current", "Current", "活期账户"},
    {"account.credit", "Credit card", "信用卡账户"},

    // PIN change.
    {"new_pin.title", "Choose a new PIN", "请设置新密码"},
    {"new_pin.body", "Type your new 6-digit PIN on the keypad, then press Enter. Avoid birthdays and repeated digits.",
     "请在密码键盘上输入6位新密码，然后按“确认”键。请勿使用生日或重复数字。"},
    {"confirm_pin.title", "Enter the new PIN again", "请再次输入新密码"},
    {"confirm_pin.body", "Type the same new PIN once more, then press Enter.", "请再次输入相同的新密码，然后按“确认”键。"},
    {"new_pin.mismatch", "The two PINs did not match. Please choose your new PIN again.",
     "两次输入的密码不一致，请重新设置新密码。"},

    // Cardless withdrawal.
    {"attract.cardless", "Cardless withdrawal", "无卡取款"},
    {"cardless.code_title", "Enter your withdrawal code", "请输入取款码"},
    {"cardless.code_body", "Type the one-time code from your bank's mobile app on the keypad, then press Enter.",
     "请在键盘上输入手机银行生成的一次性取款码，然后按“确认”键。"},
    {"cardless.phone_title", "Enter your mobile number", "请输入手机号码"},
    {"cardless.phone_body", "Type the mobile number registered with your bank, then press Enter.",
     "请输入您在银行预留的手机号码，然后按“确认”键。"},
    {"cardless.code_invalid", "This code is not valid or has expired. Please check it in your mobile app.",
     "取款码无效或已过期，请在手机银行中核对。"},
    {"cardless.phone_mismatch", "The mobile number does not match this code.", "手机号码与取款码不匹配。"},

    // Mini statement.
    {"statement.title", "Mini statement", "交易明细"},
    {"statement.balance", "Balance", "余额"},
    {"statement.empty", "There are no recent transactions on this account.", "该账户近期没有交易记录。"},
    {"statement.atm_withdrawal", "ATM withdrawal", "ATM取款"},
    {"statement.cardless_withdrawal", "Cardless withdrawal", "无卡取款"},
    {"statement.deposit", "Cash deposit", "现金存款"},
    {"statement.transfer_in", "Transfer in", "转入"},
    {"statement.transfer_out", "Transfer out", "转出"},
    {"statement.salary", "Salary", "工资"},
    {"statement.card_payment", "Card payment", "刷卡消费"},
    {"statement.online_payment", "Online payment", "网上支付"},
    {"statement.interest", "Interest", "利息"},
    {"statement.fee", "Fee", "手续费"},
    {"statement.refund", "Refund", "退款"},
    {"statement.other", "Other", "其他"},

    // Cash.
    {"dispensing.title", "Counting your cash...", "正在清点现金……"},
    {"dispensing.body", "Please wait. Your cash will be ready in a moment.", "请稍候，现金即将送出。"},
    {"take_cash.title", "Please take your cash", "请取走现金"},
    {"take_cash.body", "Take all the notes from the cash slot now. Count them away from the machine.",
     "请立即从出钞口取走全部现金，并离开本机后清点。"},

    // Another transaction, success, e-receipt.
    {"another.title", "Would you like another transaction?", "您需要办理其他业务吗？"},
    {"another.body", "Your card stays in the machine until you finish.", "完成前银行卡将保留在机内。"},
    {"another.yes", "Yes, another", "是，继续办理"},
    {"another.no", "No, finish", "否，结束"},
    {"done.title", "Done", "办理成功"},
    {"done.body", "Your request has been completed.", "您的业务已办理完成。"},
    {"done.transfer", "Transfer complete", "转账成功"},
    {"done.transfer.detail", "The money has been moved between your accounts.", "资金已在您的账户间划转。"},
    {"done.pin_changed", "PIN changed", "密码修改成功"},
    {"done.pin_changed.detail", "Use your new PIN from now on. Never tell anyone your PIN.",
     "请从现在起使用新密码。请勿向任何人透露密码。"},
    {"receipt_qr.title", "Your e-receipt", "电子凭条"},
    {"receipt_qr.body", "The printer is not available. Scan this code with your phone to keep your receipt.",
     "打印机暂不可用。请用手机扫描二维码保存电子凭条。"},
    {"receipt_qr.reference", "Reference", "凭条编号"},

    // The post-transaction survey: one question, a follow-up only after a low score.
    {"survey.title", "How was your visit today?", "您对本次服务满意吗？"},
    {"survey.body", "Touch a face, or Skip. It takes a few seconds.", "请轻触一个表情，或选择“跳过”。只需几秒钟。"},
    {"survey.csat.1", "Very poor", "很不满意"},
    {"survey.csat.2", "Poor", "不满意"},
    {"survey.csat.3", "OK", "一般"},
    {"survey.csat.4", "Good", "满意"},
    {"survey.csat.5", "Excellent", "很满意"},
    {"survey.skip", "Skip", "跳过"},
    {"survey.done", "Done", "完成"},
    {"survey_reasons.title", "Sorry. What went wrong?", "很抱歉。哪里让您不满意？"},
    {"survey_reasons.body", "Choose any that apply, then Done.", "可选择多项，然后点击“完成”。"},
    {"survey.reason.waiting", "Waiting", "等候太久"},
    {"survey.reason.hard_to_use", "Hard to use", "操作不便"},
    {"survey.reason.cash", "Cash", "现金"},
    {"survey.reason.card", "Card", "银行卡"},
    {"survey.reason.receipt", "Receipt", "凭条"},
    {"survey.reason.other", "Other", "其他"},
    {"survey_nps.title", "Would you recommend us?", "您会向亲友推荐我们吗？"},
    {"survey_nps.body", "0 = not at all, 10 = very likely.", "0 表示完全不会，10 表示非常愿意。"},

    // The printed receipt (capitals in English, as receipts are; "{}" filled in order).
    {"slip.balance", "BALANCE INQUIRY", "余额查询"},
    {"slip.withdrawal", "CASH WITHDRAWAL", "取款"},
    {"slip.statement", "MINI STATEMENT", "迷你对账单"},
    {"slip.transfer", "TRANSFER", "转账"},
    {"slip.pin_change", "PIN CHANGE", "修改密码"},
    {"slip.cardless", "CARDLESS WITHDRAWAL", "无卡取款"},
    {"slip.reversal", "REVERSAL", "冲正"},
    {"slip.terminal", "TERMINAL {}", "终端 {}"},
    {"slip.card", "CARD {}", "卡号 {}"},
    {"slip.stan", "STAN {}  AUTH {}", "流水号 {}  授权码 {}"},
    {"slip.amount", "AMOUNT {}", "金额 {}"},
    {"slip.from_to", "FROM {}  TO {}", "转出 {}  转入 {}"},
    {"slip.pin_changed", "YOUR PIN HAS BEEN CHANGED", "您的密码已修改"},
    {"slip.available", "AVAILABLE {}", "可用余额 {}"},
    {"slip.thank_you", "THANK YOU", "谢谢惠顾"},
    {"slip.account.default", "DEFAULT", "默认账户"},
    {"slip.complaint.received", "PROBLEM REPORT RECEIVED", "问题报告已受理"},
    {"slip.complaint.reference", "YOUR REFERENCE", "您的报告编号"},
    {"slip.complaint.problem", "PROBLEM {}", "问题 {}"},
    {"slip.complaint.transaction", "TRANSACTION {}", "交易编号 {}"},
    {"slip.complaint.quote", "QUOTE THE REFERENCE WHEN YOU CALL US.", "致电我行时请提供报告编号。"},
    {"slip.complaint.status", "YOU WILL SEE ITS STATUS ON YOUR NEXT VISIT.", "下次使用本机时可查看处理进度。"},
    {"slip.complaint.cash_not_dispensed", "CASH NOT DISPENSED OR WRONG AMOUNT", "未出钞或金额不对"},
    {"slip.complaint.card_retained", "CARD RETAINED", "银行卡被吞"},
    {"slip.complaint.screen_not_responding", "SCREEN NOT RESPONDING", "屏幕无响应"},
    {"slip.complaint.receipt", "RECEIPT", "凭条问题"},
    {"slip.complaint.other", "SOMETHING ELSE", "其他问题"},
    {"slip.account.savings", "SAVINGS", "储蓄账户"},
    {"slip.account.checking", "CURRENT", "活期账户"},  // as the screens name it

    // Why the machine is out of service (message_key on OutOfService).
    {"out_of_service.host_unreachable", "We cannot reach the bank right now.", "暂时无法连接银行系统。"},
    {"out_of_service.tamper", "This machine has been closed for your security.", "为保障您的安全，本机已暂停服务。"},
    {"out_of_service.devices", "A part of this machine needs attention from our staff.", "本机部分设备需要维护。"},
    {"out_of_service.storage_full", "This machine cannot record transactions right now and needs attention from our staff.",
     "本机暂时无法记录交易，需要工作人员维护。"},

    // "Report a problem" (docs/ui.md § Complaints): plain words, what happens next, no blame.
    {"complaint_offer.title", "Something went wrong. Report it?", "出了点问题。要报告吗？"},
    {"complaint_offer.body", "We fill in what the kiosk knows. It takes less than a minute.",
     "我们会自动填写已知信息，不到一分钟即可完成。"},
    {"complaint.no_thanks", "No thanks", "不用了"},
    {"complaint.report_it", "Report it", "报告问题"},
    {"complaint_category.title", "What went wrong?", "遇到了什么问题？"},
    {"complaint_category.body", "Choose the closest one.", "请选择最接近的一项。"},
    {"complaint.category.cash_not_dispensed", "Cash not dispensed or wrong amount", "未出钞或金额不对"},
    {"complaint.category.card_retained", "Card retained", "银行卡被吞"},
    {"complaint.category.screen_not_responding", "Screen not responding", "屏幕无响应"},
    {"complaint.category.receipt", "Receipt", "凭条问题"},
    {"complaint.category.other", "Something else", "其他问题"},
    {"complaint_confirm.title", "Send this report?", "发送这份报告吗？"},
    {"complaint_confirm.body", "Only this is sent, never your card number.", "仅发送以下内容，不含卡号。"},
    {"complaint.fact.category", "Problem", "问题"},
    {"complaint.fact.transaction", "Transaction", "交易编号"},
    {"complaint.fact.amount", "Amount", "金额"},
    {"complaint.fact.none", "none on this visit", "本次没有交易"},
    {"complaint.change", "Change the problem", "更改问题"},
    {"complaint.send", "Send", "发送"},
    {"complaint_done.title", "Report received", "报告已收到"},
    {"complaint_done.body", "In confidence, handled first.", "保密处理，优先跟进。"},
    {"complaint_done.reference", "Your reference", "您的报告编号"},
    {"complaint.slip_printing", "Printing your slip with this reference…", "正在打印带有此编号的凭条…"},
    {"complaint.slip_printed", "Take the slip: quote this reference when you contact us.",
     "请取走凭条，联系我们时请提供此编号。"},
    {"complaint.scan_qr", "No printer: scan the code or note the reference.", "无法打印：请扫码或记下编号。"},
    {"complaint.not_recorded", "Sorry, we could not record your report. Please call us or tell the branch.",
     "抱歉，未能记录您的报告。请致电我们或告知网点工作人员。"},
    {"menu.complaint_in_progress", "Your report {} is being handled", "您的报告 {} 正在处理中"},
    {"menu.complaint_resolved", "Your report {} has been resolved", "您的报告 {} 已处理完毕"},

    // Speech guidance (ui/speech/, docs/ui.md § Speech): what is only ever heard.
    {"speech.option", "Press {}", "请按{}"},
    {"speech.unavailable", "not available now", "暂不可用"},
    {"speech.suggested", "suggested", "推荐"},
    {"speech.digits_entered", "{} digits entered", "已输入{}位"},
    {"speech.seconds_left", "{} seconds left", "剩余{}秒"},
    {"speech.receipt", "Your receipt", "您的凭条"},
});

}  // namespace

std::span<const Translation> translation_table() { return kTable; }

}  // namespace kiosk::ui
