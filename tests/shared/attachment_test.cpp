// The attachment rules (shared/domain/attachment.h): the type from the first bytes against the
// allowlist (never from the name), clean names (no paths, controls or direction tricks), the
// extension that matches the type, and the id list a message may link.
#include <doctest/doctest.h>

#include "shared/domain/attachment.h"

using namespace spoc;
using namespace spoc::attachment;

namespace {

std::string Mime(std::string_view head, std::string_view name = "file") {
    const FileType* t = DetectType(head, name);
    return t ? std::string(t->mime) : std::string("refused");
}

}  // namespace

TEST_CASE("attachment: the type comes from the magic bytes, against an allowlist") {
    CHECK(Mime(std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16)) == "image/png");
    CHECK(Mime("\xFF\xD8\xFF\xE0\0\x10JFIF") == "image/jpeg");
    CHECK(Mime("GIF89a....") == "image/gif");
    CHECK(Mime(std::string("RIFF\x10\0\0\0WEBPVP8 ", 16)) == "image/webp");
    CHECK(Mime("%PDF-1.7\n") == "application/pdf");
    CHECK(Mime(std::string("PK\x03\x04\x14\0", 6), "logs.zip") == "application/zip");
    CHECK(Mime(std::string("PK\x03\x04\x14\0", 6), "Report.DOCX").find("wordprocessingml") != std::string::npos);
    CHECK(Mime(std::string("PK\x03\x04\x14\0", 6), "budget.xlsx").find("spreadsheetml") != std::string::npos);
    CHECK(Mime("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", "old.xls") == "application/vnd.ms-excel");
    CHECK(Mime("2026-12-07 10:00 ERROR vpn: handshake failed\r\n\tat line 3\n", "vpn.log") == "text/plain");
    CHECK(Mime("Grüße, 日本語, مرحبا\n") == "text/plain");
    // A multi-byte character cut by the sniff window is still text.
    std::string cut(kSniffBytes - 1, 'a');
    cut += "\xE6";  // the first byte of a three-byte character
    CHECK(Mime(cut) == "text/plain");
    CHECK(Mime("\xE6 complete but broken") == "refused");  // invalid UTF-8 in a short file
    // Executables and other binaries, whatever their name.
    CHECK(Mime(std::string("MZ\x90\0\3\0\0\0", 8), "cat.png") == "refused");
    CHECK(Mime(std::string("\x7F" "ELF\2\1\1\0", 8), "notes.txt") == "refused");
    CHECK(Mime(std::string("\xCF\xFA\xED\xFE\7\0\0\1", 8)) == "refused");  // Mach-O
    CHECK(Mime(std::string("text with a \0 NUL", 17)) == "refused");
    CHECK(Mime("\x1b[31mred\x1b[0m log line\n") == "text/plain");  // coloured logs are text
    CHECK(Mime("\x01\x02\x03 control bytes") == "refused");
}

TEST_CASE("attachment: names lose paths, controls and direction tricks, keep their extension when cut") {
    CHECK(CleanFileName("screenshot.png") == "screenshot.png");
    CHECK(CleanFileName("../../etc/passwd") == "passwd");
    CHECK(CleanFileName("C:\\Users\\emma\\Desktop\\error 1.png") == "error 1.png");
    CHECK(CleanFileName("..") == "file");
    CHECK(CleanFileName("") == "file");
    CHECK(CleanFileName(".htaccess") == "htaccess");
    CHECK(CleanFileName("report. ") == "report");
    CHECK(CleanFileName("a\nb\tc\x01.txt") == "abc.txt");
    CHECK(CleanFileName("what?<>|:*\".txt") == "what_______.txt");
    // "invoice\u202Egnp.exe" reads as "invoiceexe.png" on screen: the override goes.
    CHECK(CleanFileName("invoice\xE2\x80\xAEgnp.exe") == "invoicegnp.exe");
    CHECK(CleanFileName("bad\xFF.txt") == "bad\xEF\xBF\xBD.txt");
    CHECK(CleanFileName("報告書.pdf") == "報告書.pdf");
    std::string longname;
    for (int i = 0; i < 150; ++i) longname += "名";  // 3 bytes each
    const std::string clean = CleanFileName(longname + ".pdf");
    CHECK(clean.size() <= kMaxNameBytes);
    CHECK(clean.size() >= kMaxNameBytes - 3);
    CHECK(clean.substr(clean.size() - 4) == ".pdf");
    CHECK(clean.substr(0, 3) == "名");
}

TEST_CASE("attachment: the stored name carries the extension of what the file is") {
    const FileType* png = DetectType("\x89PNG\r\n\x1a\n", "x");
    const FileType* text = DetectType("hello\n", "x");
    REQUIRE(png);
    REQUIRE(text);
    CHECK(NameForType("shot.png", *png) == "shot.png");
    CHECK(NameForType("invoice.exe", *png) == "invoice.exe.png");
    CHECK(NameForType("photo", *png) == "photo.png");
    CHECK(NameForType("vpn.log", *text) == "vpn.log");
    CHECK(NameForType("data.csv", *text) == "data.csv");
    CHECK(NameForType("run.sh", *text) == "run.sh.txt");
    CHECK(NameForType("setup.exe", *text) == "setup.exe.txt");
}

TEST_CASE("attachment: a message links at most 10 distinct positive ids") {
    CHECK(ValidateIds({}).empty());
    CHECK(ValidateIds({1, 2, 3}).empty());
    CHECK(ValidateIds({1, 1})[0].field == "attachments");
    CHECK(ValidateIds({0})[0].field == "attachments");
    CHECK(ValidateIds({1, 2, 3, 4, 5, 6, 7, 8, 9, 10}).empty());
    CHECK(ValidateIds({1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11})[0].field == "attachments");
}
