import io

from newsgraph.graph.progress import progress


class Terminal(io.StringIO):
    def isatty(self):
        return True


def test_nothing_is_written_when_not_a_terminal():
    log = io.StringIO()
    assert list(progress(range(3), total=3, stream=log)) == [0, 1, 2]
    assert log.getvalue() == ""


def test_a_terminal_gets_rate_and_time_left():
    ticks = iter([0.0, 10.0, 20.0])
    screen = Terminal()
    list(progress(["a", "b"], total=4, stream=screen, clock=lambda: next(ticks)))
    lines = screen.getvalue().replace("\x1b[K", "").split("\r")
    assert lines[1:] == ["documents 1/4 · 0.1/s · 0:30 left",
                         "documents 2/4 · 0.1/s · 0:20 left", "\n"]
