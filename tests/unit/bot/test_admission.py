"""Per-user admission on a fake clock: a small backlog each, one notice per episode."""

from __future__ import annotations

from bot.admission import Admission


class FakeTime:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_a_user_waiting_for_each_answer_is_never_refused() -> None:
    admission = Admission(backlog=3)
    for _ in range(100):
        assert admission.enter(7).admitted
        admission.leave(7)
    assert admission.in_hand(7) == 0


def test_beyond_the_backlog_updates_are_refused_and_the_user_told_once() -> None:
    time = FakeTime()
    admission = Admission(backlog=3, notice_every=30, monotonic=time)
    assert all(admission.enter(7).admitted for _ in range(3))
    refused = [admission.enter(7) for _ in range(10)]
    assert not any(v.admitted for v in refused)
    assert [v.notify for v in refused] == [True] + [False] * 9
    # Other users keep their own share.
    assert admission.enter(8).admitted
    # Once an update is handled, the next one is admitted again.
    admission.leave(7)
    assert admission.enter(7).admitted
    # A later flood gets a notice again, not before `notice_every`.
    time.now += 29
    assert admission.enter(7).notify is False
    time.now += 2
    assert admission.enter(7).notify is True
