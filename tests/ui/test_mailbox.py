"""What crosses from the worker to the GUI: typed updates, latest wins."""

from gradlab.ui.mailbox import Mailbox
from gradlab.ui.updates import UNSET, CompareRun, CompareView, Updates


def a_compare_view(done: int) -> CompareView:
    run = CompareRun("sgd lr=0.1", [1.0], [0.5], [0.2], [0.1], False)
    return CompareView(runs=(run,), done=done, total=300, start=(0.0, 0.0))


def test_updates_left_unset_are_unchanged_and_none_clears():
    box = Mailbox()
    first, second = a_compare_view(10), a_compare_view(20)
    box.put(updates=Updates(compare=first, lr_bound=1.9))
    box.put(updates=Updates(compare=second))  # the newer view wins; lr_bound stays
    frame = box.take()
    assert frame.updates.compare is second and frame.updates.lr_bound == 1.9
    assert frame.updates.landscape is UNSET and frame.updates.pong is UNSET
    assert not box.take().updates  # taken: nothing new until the next put
    box.put(updates=Updates(compare=None))  # compare mode off: cleared, not unchanged
    box.put(updates=Updates())  # nothing set: changes nothing
    frame = box.take()
    assert frame.updates and frame.updates.compare is None
    assert frame.updates.lr_bound is UNSET


def test_merging_keeps_the_newest_of_each_field():
    older = Updates(maths="old maths", pong=1)
    newer = Updates(pong=2, config="new config")
    merged = older.merged(newer)
    assert (merged.maths, merged.pong, merged.config) == ("old maths", 2, "new config")
    assert older.merged(Updates()) is older and older.merged(None) is older
