#pragma once
// Positions by number for a small table's rows (departments, people, outlets): which element of
// a caller's vector holds the row numbered `id`.
//
// SQLite numbers a table's rows 1, 2, 3 … so a vector indexed by number is both small and fast: a
// lookup is one load from a few contiguous kilobytes, where a hash map hashed, divided and chased
// a node elsewhere in memory (a tally at 1M adoptions looks up four to six numbers per piece).
// Numbers far beyond the count of rows (set by hand, or left by deletions) go to a hash map
// instead, so that no ledger can make the vector large.
#include <cstddef>
#include <optional>
#include <unordered_map>
#include <vector>

#include "lib/model/records.hpp"

namespace infotally::model {

class IdIndex {
  public:
    void set(Id id, std::size_t pos) {
        ++m_count;
        if (id >= 0 && static_cast<std::size_t>(id) < dense_limit()) {
            if (static_cast<std::size_t>(id) >= m_dense.size()) m_dense.resize(id + 1, k_none);
            m_dense[id] = pos;
        } else {
            m_sparse[id] = pos;
        }
    }

    std::optional<std::size_t> find(Id id) const {
        if (id >= 0 && static_cast<std::size_t>(id) < m_dense.size() && m_dense[id] != k_none)
            return m_dense[id];
        if (m_sparse.empty()) return std::nullopt;
        if (auto it = m_sparse.find(id); it != m_sparse.end()) return it->second;
        return std::nullopt;
    }

  private:
    static constexpr std::size_t k_none = static_cast<std::size_t>(-1);

    // The vector may grow to four slots per row set (and 1024 slots at least). Setting a number
    // again counts twice, which only lets the vector grow a little further.
    std::size_t dense_limit() const { return 1024 + 4 * m_count; }

    std::vector<std::size_t> m_dense;
    std::unordered_map<Id, std::size_t> m_sparse;
    std::size_t m_count = 0;
};

}  // namespace infotally::model
