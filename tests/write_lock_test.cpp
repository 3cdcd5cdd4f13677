// write_lock_test.cpp — WriteLock: immediate grant, FIFO hand-over, freeing on last release.
#include "src/write_lock.h"

#include <doctest/doctest.h>

#include <string>

using litegres::WriteLock;

TEST_CASE("a free lock is granted immediately, inline") {
    WriteLock lock;
    int granted = 0;
    lock.acquire([&] { ++granted; });
    CHECK(granted == 1);
    lock.release();
}

TEST_CASE("waiters are granted one at a time, in FIFO order, on release") {
    WriteLock lock;
    std::string order;
    lock.acquire([&] { order += 'A'; });
    lock.acquire([&] { order += 'B'; });
    lock.acquire([&] { order += 'C'; });
    lock.acquire([&] { order += 'D'; });
    CHECK(order == "A");  // B, C and D wait
    lock.release();
    CHECK(order == "AB");
    lock.release();
    CHECK(order == "ABC");
    lock.release();
    CHECK(order == "ABCD");
    lock.release();
    CHECK(order == "ABCD");
}

TEST_CASE("a newcomer queues behind existing waiters instead of overtaking them") {
    WriteLock lock;
    std::string order;
    lock.acquire([&] { order += 'A'; });
    lock.acquire([&] { order += 'B'; });
    lock.release();  // hands over to B: the lock stays held
    lock.acquire([&] { order += 'C'; });
    CHECK(order == "AB");
    lock.release();
    CHECK(order == "ABC");
    lock.release();
}

TEST_CASE("release with no waiters frees the lock for the next acquire") {
    WriteLock lock;
    int granted = 0;
    lock.acquire([&] { ++granted; });
    lock.release();
    lock.acquire([&] { ++granted; });
    CHECK(granted == 2);  // granted inline: the lock was free
    lock.release();
    lock.acquire([&] { ++granted; });
    CHECK(granted == 3);
    lock.release();
}

TEST_CASE("a grant callback may release the lock, handing it straight on") {
    WriteLock lock;
    std::string order;
    lock.acquire([&] { order += 'A'; });
    lock.acquire([&] {
        order += 'B';
        lock.release();  // B finishes at once
    });
    lock.acquire([&] { order += 'C'; });
    lock.release();
    CHECK(order == "ABC");
    // C holds it now; a newcomer waits.
    lock.acquire([&] { order += 'D'; });
    CHECK(order == "ABC");
    lock.release();
    CHECK(order == "ABCD");
    lock.release();
}
