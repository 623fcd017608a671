// Text pipeline for knowledge-base search: UTF-8 decoding, case and accent folding
// (Latin-1, Latin Extended-A, Greek, Cyrillic), word splitting with byte offsets,
// English stop words, the Porter2 (Snowball English) stemmer, and the text rules of snippets
// (sentence starts, block breaks, Markdown markers). Pure, never throws.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace spoc {

struct SearchWord {
    std::string folded;        // lower-cased, accent-folded word (not stemmed)
    std::uint32_t begin = 0;   // byte offset of the word in the source text
    std::uint32_t end = 0;     // byte offset one past the word
    std::uint32_t position = 0; // word number in the source, stop words included
};

std::uint32_t DecodeUtf8(std::string_view text, std::size_t& i); // next code point at i (advances; invalid byte -> 0xFFFD, 1 byte)
void AppendFolded(std::uint32_t cp, std::string& out);       // lower-case + accent-fold one code point, append as UTF-8
bool IsWordCodePoint(std::uint32_t cp);                      // letters and digits (words split on everything else)
std::string FoldText(std::string_view text);                 // fold a whole string (separators kept as-is)
void SplitWords(std::string_view text, std::vector<SearchWord>& out); // append folded words of text
bool IsStopWord(std::string_view folded);                    // compact English stop-word list
std::string StemEnglish(std::string_view folded);            // Porter2 stem of an ASCII lower-case word
std::string NormalizeTerm(std::string_view folded);          // index term: stem if pure ASCII letters, else as-is

// Snippets (SearchIndex::Snippet): which bytes of a body to show, and how.
struct SnippetWindow {
    std::size_t begin = 0, end = 0;  // bytes of the body shown
    bool cut = false;                // begins mid-sentence: shown behind kSnippetEllipsis
};
std::size_t SentenceStart(std::string_view text, std::size_t at,
                          std::size_t max_back);              // start of the sentence/clause/block holding byte `at`, npos if > max_back before it
SnippetWindow ChooseSnippetWindow(std::string_view body, const std::vector<SearchWord>& words,
                                  const std::vector<bool>& matched, std::size_t max_chars); // <= max_chars bytes around the densest matches
std::string RenderSnippet(std::string_view body, const std::vector<SearchWord>& words, const std::vector<bool>& matched,
                          const SnippetWindow& window);       // matches marked, line breaks as kSnippetBlockBreak, no Markdown markers

}  // namespace spoc
