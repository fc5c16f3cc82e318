#pragma once
// An open-addressing hash map (linear probing, no removal) for import's million-entry indexes:
// one array of entries plus an occupancy bitmap, no allocation per entry, one cache miss per
// lookup, where std::unordered_map allocates a node per insert and frees each at the end. Any
// capacity is allowed (a slot is picked by the hash modulo the size, not by a power-of-two mask),
// so the table stays about 85% full instead of up to half empty. Pointers to values stay valid only
// until the next insertion. Internal to lib/ledger.
#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace infotally::ledger::transfer {

template <class Key, class Value, class Hash>
class FlatMap {
  public:
    // Room for `n` entries before the table grows.
    void reserve(std::size_t n) {
        const std::size_t capacity = n * k_load_den / k_load_num + 16;
        if (capacity > m_slots.size()) rehash(capacity);
    }

    // The value for `key`, and whether it was just inserted (then value-initialised).
    std::pair<Value*, bool> try_emplace(const Key& key) {
        if ((m_size + 1) * k_load_den > m_slots.size() * k_load_num) {
            rehash(m_slots.size() < 16 ? 64 : m_slots.size() + m_slots.size() / 2);
        }
        for (std::size_t i = home(key);; i = next(i)) {
            if (!used(i)) {
                set_used(i);
                m_slots[i] = {key, Value{}};
                ++m_size;
                return {&m_slots[i].second, true};
            }
            if (m_slots[i].first == key) return {&m_slots[i].second, false};
        }
    }

    std::size_t size() const { return m_size; }

  private:
    static constexpr std::size_t k_load_num = 85, k_load_den = 100;

    std::size_t home(const Key& key) const {
        return static_cast<std::size_t>(Hash{}(key)) % m_slots.size();
    }
    std::size_t next(std::size_t i) const { return i + 1 == m_slots.size() ? 0 : i + 1; }
    bool used(std::size_t i) const { return (m_used[i / 64] >> (i % 64)) & 1U; }
    void set_used(std::size_t i) { m_used[i / 64] |= std::uint64_t{1} << (i % 64); }

    void rehash(std::size_t capacity) {
        std::vector<std::pair<Key, Value>> old_slots(capacity);
        std::vector<std::uint64_t> old_used((capacity + 63) / 64);
        old_slots.swap(m_slots);
        old_used.swap(m_used);
        for (std::size_t j = 0; j < old_slots.size(); ++j) {
            if (((old_used[j / 64] >> (j % 64)) & 1U) == 0) continue;
            std::size_t i = home(old_slots[j].first);
            while (used(i)) i = next(i);
            set_used(i);
            m_slots[i] = std::move(old_slots[j]);
        }
    }

    std::vector<std::pair<Key, Value>> m_slots;
    std::vector<std::uint64_t> m_used;  // one bit per slot
    std::size_t m_size = 0;
};

}  // namespace infotally::ledger::transfer
