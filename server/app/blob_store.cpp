// Content-addressed attachment bytes (see blob_store.h).
#include "server/app/blob_store.h"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "server/app/crypto.h"
#include "shared/domain/attachment.h"

namespace spoc::app {

namespace fs = std::filesystem;

namespace {

Error IoError(const std::string& what) {
    return MakeError(ErrorCode::internal, what + ": " + std::strerror(errno));
}

}  // namespace

Result<Unit> SyncPath(const std::string& path, bool directory) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | (directory ? O_DIRECTORY : 0));
    if (fd < 0) return IoError("open " + path);
    const int rc = ::fsync(fd);
    ::close(fd);
    if (rc != 0) return IoError("fsync " + path);
    return Unit{};
}

bool IsSha256Hex(std::string_view text) {
    if (text.size() != 64) return false;
    for (char c : text)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
    return true;
}

struct BlobWriter::Hash {
    crypto_hash_sha256_state state;
};

BlobWriter::BlobWriter(BlobStore& store, int fd, std::string temp_path)
    : m_store(store), m_fd(fd), m_temp(std::move(temp_path)), m_hash(std::make_unique<Hash>()) {
    crypto_hash_sha256_init(&m_hash->state);
}

BlobWriter::~BlobWriter() {
    if (m_fd >= 0) ::close(m_fd);
    if (!m_temp.empty()) ::unlink(m_temp.c_str());
}

Result<Unit> BlobWriter::Write(const char* data, std::size_t size) {
    if (m_fd < 0) return MakeError(ErrorCode::internal, "The upload is already finished.");
    if (m_head.size() < attachment::kSniffBytes)
        m_head.append(data, std::min(size, attachment::kSniffBytes - m_head.size()));
    crypto_hash_sha256_update(&m_hash->state, reinterpret_cast<const unsigned char*>(data), size);
    std::size_t done = 0;
    while (done < size) {
        const ssize_t n = ::write(m_fd, data + done, size - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            return IoError("write " + m_temp);
        }
        done += static_cast<std::size_t>(n);
    }
    m_size += static_cast<std::int64_t>(size);
    return Unit{};
}

Result<std::string> BlobWriter::Finish() {
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256_final(&m_hash->state, digest);
    static const char* hex = "0123456789abcdef";
    std::string sha;
    for (unsigned char b : digest) {
        sha += hex[b >> 4];
        sha += hex[b & 15];
    }
    if (::fsync(m_fd) != 0) return IoError("fsync " + m_temp);
    ::close(m_fd);
    m_fd = -1;
    const std::string dir = m_store.m_root + "/" + sha.substr(0, 2);
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) return MakeError(ErrorCode::internal, "mkdir " + dir + ": " + ec.message());
    const std::string final_path = dir + "/" + sha;
    struct stat st {};
    if (::stat(final_path.c_str(), &st) == 0) return sha;  // the same bytes are stored already (the temp goes)
    if (::rename(m_temp.c_str(), final_path.c_str()) != 0) return IoError("rename to " + final_path);
    m_temp.clear();
    if (auto s = SyncPath(dir, true); !s.ok()) return s.error();
    return sha;
}

Result<std::unique_ptr<BlobStore>> BlobStore::Open(const std::string& data_dir) {
    const std::string root = (fs::path(data_dir) / "blobs").string();
    std::error_code ec;
    fs::create_directories(root + "/tmp", ec);
    if (ec) return MakeError(ErrorCode::unavailable, "Cannot create " + root + "/tmp: " + ec.message());
    // An upload cut short by a crash leaves its temp file: nobody will finish it.
    for (const auto& entry : fs::directory_iterator(root + "/tmp", ec)) fs::remove(entry.path(), ec);
    return std::unique_ptr<BlobStore>(new BlobStore(root));
}

Result<std::unique_ptr<BlobWriter>> BlobStore::Begin() {
    const std::string temp = m_root + "/tmp/" + RandomToken(16);
    const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) return IoError("create " + temp);
    return std::unique_ptr<BlobWriter>(new BlobWriter(*this, fd, temp));
}

std::string BlobStore::PathOf(const std::string& sha256) const {
    return m_root + "/" + sha256.substr(0, 2) + "/" + sha256;
}

void BlobStore::Remove(const std::string& sha256) {
    if (!IsSha256Hex(sha256)) return;
    ::unlink(PathOf(sha256).c_str());
}

std::vector<std::string> BlobStore::ListBlobs() const {
    std::vector<std::string> out;
    std::error_code ec;
    for (const auto& dir : fs::directory_iterator(m_root, ec)) {
        const std::string name = dir.path().filename().string();
        if (name.size() != 2 || !dir.is_directory()) continue;
        for (const auto& f : fs::directory_iterator(dir.path(), ec)) {
            const std::string sha = f.path().filename().string();
            if (IsSha256Hex(sha) && sha.compare(0, 2, name) == 0) out.push_back(sha);
        }
    }
    return out;
}

}  // namespace spoc::app
