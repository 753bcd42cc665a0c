// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include <QString>

#include <memory>

struct sqlite3;

namespace hub {

// Copies the write-ahead log of a SQLite store into the database file on a thread of its own.
// By default the connection whose commit makes the log long enough does the copy before its
// commit returns, so a request or a run that writes a few rows can wait for a bundle load's
// pages to be copied. Connections given to attach() leave the copy to this thread instead.
class Checkpointer
{
public:
    // path is the store's file. A checkpoint starts once a commit leaves at least thresholdPages
    // pages in the log, as SQLite's own automatic checkpoint does.
    explicit Checkpointer(QString path, int thresholdPages = 1000);
    ~Checkpointer();
    Checkpointer(const Checkpointer &) = delete;
    Checkpointer &operator=(const Checkpointer &) = delete;

    // Turns the connection's automatic checkpoints off and reports its commits to this
    // object. A connection may outlive the object; its commits are then ignored.
    void attach(sqlite3 *connection);

    // Holds every checkpoint until resumed, so that tests can see a commit leave its pages in
    // the log.
    void setPaused(bool paused);

    // How many checkpoints ran.
    qint64 checkpoints() const;

    // The thread's state, which the WAL hooks of attached connections reach.
    struct State;

private:
    std::shared_ptr<State> m_state;
};

} // namespace hub
