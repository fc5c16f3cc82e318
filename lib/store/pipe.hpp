#pragma once
// Two threads handing batches to each other: the filling side takes an empty batch, fills it and
// puts it full; the draining side takes it full, empties it and puts it back. Memory holds a
// fixed number of batches whatever the amount of work, and the threads meet once per batch, not
// once per record. The reports' reading thread fills (scan.cpp); the import's writing thread
// drains (bulk.cpp).
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <mutex>
#include <vector>

namespace infotally::store {

template <class Batch>
class Pipe {
  public:
    explicit Pipe(std::size_t batches) : m_batches(batches) {
        for (auto& b : m_batches) m_empty.push_back(&b);
    }

    // Filling side. nullptr: the draining side has stopped.
    Batch* take_empty() {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [&] { return m_stopped || !m_empty.empty(); });
        if (m_stopped) return nullptr;
        Batch* b = m_empty.back();
        m_empty.pop_back();
        return b;
    }
    void put_full(Batch* b) {
        std::lock_guard lock(m_mutex);
        m_full.push_back(b);
        m_changed.notify_all();
    }
    // No more batches will come, with `error` if the filling failed.
    void close(std::exception_ptr error = nullptr) {
        std::lock_guard lock(m_mutex);
        m_closed = true;
        if (!m_error) m_error = std::move(error);
        m_changed.notify_all();
    }
    // Waits until the draining side has put every batch back empty, or has stopped. The filling
    // side must hold none.
    void wait_drained() {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [&] { return m_stopped || m_empty.size() == m_batches.size(); });
    }

    // Draining side. nullptr: closed, and every batch has been taken.
    Batch* take_full() {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [&] { return m_closed || !m_full.empty(); });
        if (m_full.empty()) return nullptr;
        Batch* b = m_full.front();
        m_full.pop_front();
        return b;
    }
    // Either side: a batch back to the empty ones (the draining side after emptying it, the
    // filling side one it took and did not fill).
    void put_empty(Batch* b) {
        std::lock_guard lock(m_mutex);
        m_empty.push_back(b);
        m_changed.notify_all();
    }
    // The draining side gives up, with `error` if it failed: take_empty gives nullptr from now on.
    void stop(std::exception_ptr error = nullptr) {
        std::lock_guard lock(m_mutex);
        m_stopped = true;
        if (!m_error) m_error = std::move(error);
        m_changed.notify_all();
    }
    // The first error either side reported.
    std::exception_ptr error() {
        std::lock_guard lock(m_mutex);
        return m_error;
    }

  private:
    std::vector<Batch> m_batches;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::vector<Batch*> m_empty;
    std::deque<Batch*> m_full;
    bool m_closed = false, m_stopped = false;
    std::exception_ptr m_error;
};

}  // namespace infotally::store
