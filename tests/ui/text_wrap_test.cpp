// Line breaking with a fake measure (10 px per code point), so the rules are tested exactly:
// spaces in English, between characters in Chinese, kinsoku punctuation, long words, widows.
#include "ui/text_wrap.hpp"

#include <gtest/gtest.h>

namespace kiosk::ui {
namespace {

int ten_per_code_point(std::string_view text) {
    int count = 0;
    for (const char c : text) {
        if ((static_cast<unsigned char>(c) & 0xC0U) != 0x80U) ++count;
    }
    return count * 10;
}

std::vector<std::string> wrap(std::string_view text, int width) { return wrap_text(text, width, ten_per_code_point); }

using Lines = std::vector<std::string>;

TEST(TextWrap, ShortTextIsOneLine) { EXPECT_EQ(wrap("Please wait", 200), Lines{"Please wait"}); }

TEST(TextWrap, EnglishBreaksAtSpacesAndDropsTrailingOnes) {
    EXPECT_EQ(wrap("Please insert your card to begin", 120), (Lines{"Please", "insert your", "card to", "begin"}));
}

TEST(TextWrap, ChineseBreaksBetweenCharacters) {
    EXPECT_EQ(wrap("请插入银行卡开始办理业务", 60), (Lines{"请插入银行卡", "开始办理业务"}));
}

TEST(TextWrap, ClosingPunctuationNeverStartsALine) {
    const auto lines = wrap("请稍候，请勿取出银行卡。", 30);
    for (const auto& line : lines) {
        EXPECT_FALSE(line.starts_with("，")) << line;
        EXPECT_FALSE(line.starts_with("。")) << line;
    }
    EXPECT_EQ(lines.front(), "请稍");
}

TEST(TextWrap, OpeningQuoteStaysWithWhatFollows) {
    const auto lines = wrap("然后按“确认”键", 40);
    for (const auto& line : lines) EXPECT_FALSE(line.ends_with("“")) << line;
}

TEST(TextWrap, AWordWiderThanTheLineIsBrokenBetweenCharacters) {
    EXPECT_EQ(wrap("abcdefghij", 40), (Lines{"abcd", "efgh", "ij"}));
}

TEST(TextWrap, NewlineForcesABreak) { EXPECT_EQ(wrap("one\ntwo", 500), (Lines{"one", "two"})); }

TEST(TextWrap, ALoneLastCharacterPullsOneDown) {
    // Greedy filling would leave "盘。" alone; widow control moves "键" down with it.
    EXPECT_EQ(wrap("请用手遮挡键盘。", 60), (Lines{"请用手遮挡", "键盘。"}));
}

TEST(TextWrap, EveryLineFits) {
    const std::string text = "For your security, this machine has kept your card. 为保障您的资金安全，本机已保留您的银行卡。";
    for (const int width : {60, 90, 150, 300}) {
        for (const auto& line : wrap(text, width)) EXPECT_LE(ten_per_code_point(line), width) << line;
    }
}

}  // namespace
}  // namespace kiosk::ui
