// Attachment bytes on disk, by content: <data>/blobs/ab/abcdef... (the SHA-256 in hex). An upload
// streams into <data>/blobs/tmp/ (never held whole in memory) while it is hashed; Finish() fsyncs it
// and renames it into place (fsyncing the folder), so a file under its hash is always complete; a
// crash leaves at worst a temp file or an unreferenced blob, which Open() removes at the next start.
#pragma once
#include <cstdint>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "shared/domain/result.h"

namespace spoc::app {

class BlobStore;

// One upload in progress. Dropping it unfinished removes its temp file.
class BlobWriter {
public:
    ~BlobWriter();
    BlobWriter(const BlobWriter&) = delete;
    BlobWriter& operator=(const BlobWriter&) = delete;
    Result<Unit> Write(const char* data, std::size_t size);
    std::int64_t size() const { return m_size; }
    const std::string& head() const { return m_head; }  // the first bytes (attachment::kSniffBytes)
    // fsync, hash, and into place under the hash (kept when that content is already stored).
    // Call with the store's lock held (BlobStore::Lock) until the row naming the blob committed.
    Result<std::string> Finish();

private:
    friend class BlobStore;
    BlobWriter(BlobStore& store, int fd, std::string temp_path);
    struct Hash;
    BlobStore& m_store;
    int m_fd = -1;
    std::string m_temp;
    std::int64_t m_size = 0;
    std::string m_head;
    std::unique_ptr<Hash> m_hash;
};

class BlobStore {
public:
    // Creates the folders; removes temp files and blobs `known` does not list (a crash's leftovers).
    static Result<std::unique_ptr<BlobStore>> Open(const std::string& data_dir);
    Result<std::unique_ptr<BlobWriter>> Begin();
    std::string PathOf(const std::string& sha256) const;
    // Held from a blob's Finish() until its row committed, and while collected blobs are removed,
    // so a collection never removes a file an upload just reused.
    std::unique_lock<std::mutex> Lock() { return std::unique_lock<std::mutex>(m_mutex); }
    std::unique_lock<std::mutex> TryLock() { return std::unique_lock<std::mutex>(m_mutex, std::try_to_lock); }
    void Remove(const std::string& sha256);  // with the lock held
    // At start-up, before anyone uploads: blob files whose name `is_known` rejects are removed.
    template <class Known>
    int RemoveUnknown(Known is_known);
    const std::string& root() const { return m_root; }
    std::vector<std::string> ListBlobs() const;

private:
    friend class BlobWriter;
    explicit BlobStore(std::string root) : m_root(std::move(root)) {}
    std::string m_root;  // <data>/blobs
    std::mutex m_mutex;
};

template <class Known>
int BlobStore::RemoveUnknown(Known is_known) {
    int removed = 0;
    for (const std::string& sha : ListBlobs())
        if (!is_known(sha)) {
            Remove(sha);
            ++removed;
        }
    return removed;
}

bool IsSha256Hex(std::string_view text);  // 64 lower-case hex digits
Result<Unit> SyncPath(const std::string& path, bool directory);  // fsync a file, or a folder's entries

}  // namespace spoc::app
