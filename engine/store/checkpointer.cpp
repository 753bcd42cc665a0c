// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "checkpointer.h"

#include "core/logging.h"

#include <sqlite3.h>

#include <QtGlobal>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <thread>
#include <unordered_map>

namespace hub {

struct Checkpointer::State
{
    QString path;
    int thresholdPages = 1000;
    // The thread's own connection, or null when it could not be opened.
    sqlite3 *db = nullptr;
    std::mutex mutex;
    std::condition_variable changed;
    bool requested = false;
    bool paused = false;
    bool stopping = false;
    std::atomic<qint64> checkpoints{0};
    std::thread thread;

    void run();
    void request(int pages);
};

namespace {

// SQLite keeps a plain pointer for a WAL hook and has no call for when the connection goes. The
// hook therefore gets a number, and the state is looked up here, so that a commit on a
// connection that outlived its checkpointer finds nothing instead of freed memory.
std::mutex registryMutex;
std::unordered_map<std::uintptr_t, std::weak_ptr<Checkpointer::State>> *registry = nullptr;
std::uintptr_t nextId = 1;

} // namespace

void Checkpointer::State::request(int pages)
{
    if (pages < thresholdPages)
        return;
    {
        const std::lock_guard lock(mutex);
        requested = true;
    }
    changed.notify_one();
}

void Checkpointer::State::run()
{
    using namespace std::chrono_literals;
    // Whether the last checkpoint left frames that a reader still needed. They are copied on
    // the next request, or after a while when no commit requests one.
    bool incomplete = false;
    for (;;) {
        {
            std::unique_lock lock(mutex);
            const auto due = [this] { return stopping || (requested && !paused); };
            if (incomplete)
                changed.wait_for(lock, 30s, due);
            else
                changed.wait(lock, due);
            if (stopping)
                break;
            if (paused)
                continue;
            requested = false;
        }
        int logFrames = 0;
        int copiedFrames = 0;
        // In PASSIVE mode SQLite copies the frames that no reader still needs and does not wait
        // for readers or writers to finish.
        const int rc = sqlite3_wal_checkpoint_v2(db, nullptr, SQLITE_CHECKPOINT_PASSIVE,
                                                 &logFrames, &copiedFrames);
        checkpoints.fetch_add(1);
        incomplete = rc == SQLITE_OK ? copiedFrames < logFrames : true;
        if (rc == SQLITE_OK)
            qCDebug(lcStore) << "Checkpoint of" << path << "copied" << copiedFrames << "of"
                             << logFrames << "log frames";
        else
            qCWarning(lcStore) << "Checkpoint of" << path << "failed:" << sqlite3_errmsg(db)
                               << "; retrying on the next commit or in 30 s";
    }
    qCInfo(lcStore) << "Stopped background checkpoints of" << path;
}

Checkpointer::Checkpointer(QString path, int thresholdPages)
    : m_state(std::make_shared<State>())
{
    m_state->path = std::move(path);
    m_state->thresholdPages = thresholdPages;
    const QByteArray file = m_state->path.toUtf8();
    if (sqlite3_open_v2(file.constData(), &m_state->db, SQLITE_OPEN_READWRITE, nullptr)
        != SQLITE_OK) {
        qCWarning(lcStore) << "Cannot open" << m_state->path << "for background checkpoints:"
                           << (m_state->db ? sqlite3_errmsg(m_state->db) : "out of memory")
                           << "; each connection checkpoints after its own commits instead";
        sqlite3_close(m_state->db);
        m_state->db = nullptr;
        return;
    }
    // A connection finds the database in WAL mode when it first reads it; until then a
    // checkpoint does nothing and reports -1 frames.
    if (sqlite3_exec(m_state->db, "SELECT COUNT(*) FROM sqlite_schema", nullptr, nullptr,
                     nullptr)
        != SQLITE_OK)
        qCWarning(lcStore) << "Cannot read" << m_state->path << "for background checkpoints:"
                           << sqlite3_errmsg(m_state->db);
    qCInfo(lcStore) << "Checkpoints of" << m_state->path << "run in the background";
    m_state->thread = std::thread([state = m_state.get()] { state->run(); });
}

Checkpointer::~Checkpointer()
{
    {
        const std::lock_guard lock(m_state->mutex);
        m_state->stopping = true;
    }
    m_state->changed.notify_one();
    if (m_state->thread.joinable())
        m_state->thread.join();
    sqlite3_close(m_state->db);
    const std::lock_guard lock(registryMutex);
    if (registry) {
        for (auto it = registry->begin(); it != registry->end();) {
            if (it->second.expired() || it->second.lock() == m_state)
                it = registry->erase(it);
            else
                ++it;
        }
    }
}

void Checkpointer::attach(sqlite3 *connection)
{
    // Without the thread's connection the connection keeps SQLite's automatic checkpoints.
    if (!connection || !m_state->db)
        return;
    std::uintptr_t id = 0;
    {
        const std::lock_guard lock(registryMutex);
        if (!registry)
            registry = new std::unordered_map<std::uintptr_t, std::weak_ptr<State>>();
        id = nextId++;
        registry->emplace(id, m_state);
    }
    // Replaces the hook that runs SQLite's automatic checkpoint.
    sqlite3_wal_hook(
        connection,
        [](void *key, sqlite3 *, const char *database, int pages) {
            if (qstrcmp(database, "main") != 0)
                return SQLITE_OK;
            std::shared_ptr<State> state;
            {
                const std::lock_guard lock(registryMutex);
                if (registry) {
                    const auto found = registry->find(reinterpret_cast<std::uintptr_t>(key));
                    if (found != registry->end())
                        state = found->second.lock();
                }
            }
            if (state)
                state->request(pages);
            return SQLITE_OK;
        },
        reinterpret_cast<void *>(id));
}

void Checkpointer::setPaused(bool paused)
{
    {
        const std::lock_guard lock(m_state->mutex);
        m_state->paused = paused;
    }
    m_state->changed.notify_one();
}

qint64 Checkpointer::checkpoints() const
{
    return m_state->checkpoints.load();
}

} // namespace hub
