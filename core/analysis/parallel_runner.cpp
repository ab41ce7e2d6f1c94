#include "core/analysis/parallel_runner.h"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <limits>
#include <map>
#include <mutex>
#include <thread>

namespace ferroscope::core {

struct ParallelRunner::Shared {
    std::vector<std::vector<std::size_t>> chunks;
    std::atomic<std::size_t> nextChunk{0};
    std::atomic<bool> ownCancel{false};          // set when a callback throws
    const std::atomic<bool> *external = nullptr; // the caller's flag (may be null)
    const std::atomic<bool> *cancel = nullptr;   // handed to tasks: external, or ownCancel
    std::mutex mutex;
    std::condition_variable wake;
    std::vector<std::size_t> ready;              // finished since the last report
    std::vector<double> values;                  // one per point, written by its worker
    std::size_t done = 0, failed = 0;
    std::string firstError;
    int running = 0;

    bool cancelled() const
    {
        return ownCancel.load(std::memory_order_relaxed) || (external && external->load(std::memory_order_relaxed));
    }
};

ParallelRunner::ParallelRunner(const ScenarioRunner &prototype, int threads)
{
    m_threads = threads > 0 ? threads : int(std::max(1u, std::thread::hardware_concurrency()));
    m_runners.push_back(ScenarioRunner::clone(prototype));
}

ParallelRunner::~ParallelRunner() = default;

ScenarioRunner &ParallelRunner::runner(int k)
{
    while (int(m_runners.size()) <= k) m_runners.push_back(ScenarioRunner::clone(*m_runners.front()));
    return *m_runners[std::size_t(k)];
}

std::vector<std::vector<std::size_t>> ParallelRunner::makeChunks(std::size_t n, const std::vector<std::size_t> *groups,
                                                                  int workers)
{
    std::vector<std::vector<std::size_t>> chunks;
    if (!groups) {
        for (std::size_t i = 0; i < n; ++i) chunks.push_back({i});
        return chunks;
    }
    // Points of one group, in order of first appearance.
    std::map<std::size_t, std::size_t> slot;
    std::vector<std::vector<std::size_t>> byGroup;
    for (std::size_t i = 0; i < n; ++i) {
        auto [it, added] = slot.emplace((*groups)[i], byGroup.size());
        if (added) byGroup.emplace_back();
        byGroup[it->second].push_back(i);
    }
    // Enough groups: one chunk per group (each steady state computed once). Few groups: split
    // them so every worker has work; a worker then pre-equilibrates a group at most once.
    const std::size_t g = byGroup.size();
    const std::size_t pieces = g >= std::size_t(4 * workers) ? 1 : (std::size_t(4 * workers) + g - 1) / g;
    for (const auto &members : byGroup) {
        const std::size_t size = (members.size() + pieces - 1) / pieces;
        for (std::size_t b = 0; b < members.size(); b += size)
            chunks.emplace_back(members.begin() + std::ptrdiff_t(b),
                                members.begin() + std::ptrdiff_t(std::min(members.size(), b + size)));
    }
    return chunks;
}

void ParallelRunner::work(Shared &s, ScenarioRunner &runner, const Task &task)
{
    for (;;) {
        if (s.cancelled()) break;
        const std::size_t c = s.nextChunk.fetch_add(1);
        if (c >= s.chunks.size()) break;
        for (std::size_t i : s.chunks[c]) {
            if (s.cancelled()) break;
            std::string error;
            bool ok = true;
            try {
                const double v = task(i, runner, s.cancel);
                s.values[i] = v;   // published to the coordinator by the lock below
            } catch (const std::exception &e) {
                ok = false;
                error = e.what();
            } catch (...) {   // nothing may escape a worker thread
                ok = false;
                error = "unknown error";
            }
            if (!ok && s.cancelled()) break;   // aborted by the cancel: neither done nor failed
            {
                std::lock_guard lock(s.mutex);
                ++s.done;
                if (!ok && s.failed++ == 0) s.firstError = error;
                s.ready.push_back(i);
            }
            s.wake.notify_one();
        }
    }
    {
        std::lock_guard lock(s.mutex);
        --s.running;
    }
    s.wake.notify_one();
}

ParallelOutcome ParallelRunner::run(std::size_t n, const Task &task, const std::vector<std::size_t> *groups,
                                    const RunCallbacks &callbacks, const std::atomic<bool> *cancel)
{
    using Clock = std::chrono::steady_clock;
    const auto t0 = Clock::now();
    Shared s;
    s.external = cancel;
    s.cancel = cancel ? cancel : &s.ownCancel;
    s.chunks = makeChunks(n, groups, m_threads);
    s.values.assign(n, std::numeric_limits<double>::quiet_NaN());
    const int workers = int(std::min<std::size_t>(std::size_t(m_threads), std::max<std::size_t>(1, s.chunks.size())));
    for (int k = 0; k < workers; ++k) runner(k);
    s.running = workers;
    std::vector<std::thread> pool;
    for (int k = 0; k < workers; ++k)
        pool.emplace_back(&ParallelRunner::work, std::ref(s), std::ref(*m_runners[std::size_t(k)]), std::cref(task));

    auto report = [&](std::vector<std::size_t> &indices, std::size_t done) {
        if (callbacks.pointsReady && !indices.empty()) {
            std::vector<double> values;
            for (std::size_t i : indices) values.push_back(s.values[i]);
            callbacks.pointsReady(indices, values);
        }
        if (callbacks.progress) callbacks.progress(done, n);
    };
    const auto interval = std::chrono::milliseconds(std::max(1, callbacks.progressIntervalMs));
    auto lastReport = t0 - interval;
    try {
        std::unique_lock lock(s.mutex);
        while (s.running > 0) {
            s.wake.wait_for(lock, interval);
            if (s.ready.empty() || Clock::now() - lastReport < interval) continue;
            std::vector<std::size_t> indices;
            indices.swap(s.ready);
            const std::size_t done = s.done;
            lock.unlock();
            report(indices, done);   // callbacks run without the lock: workers keep going
            lastReport = Clock::now();
            lock.lock();
        }
    } catch (...) {   // a throwing callback: stop the workers before unwinding
        s.ownCancel = true;
        for (auto &t : pool) t.join();
        throw;
    }
    for (auto &t : pool) t.join();

    ParallelOutcome out;
    out.total = n;
    out.done = s.done;
    out.failed = s.failed;
    out.firstError = s.firstError;
    out.cancelled = s.cancelled() && s.done < n;
    out.threads = workers;
    report(s.ready, s.done);
    out.values = std::move(s.values);
    out.seconds = std::chrono::duration<double>(Clock::now() - t0).count();
    return out;
}

}  // namespace ferroscope::core
