"""How the Exercises panel is tied into the window: it follows the lesson
being read; the lessons' challenge and predict links, File ▸ Open exercise and
the panel's own buttons reach it or start from it. (Panels never import each
other: the window connects them, here.)"""

from __future__ import annotations


def connect_exercises(window) -> None:
    """`window` is the MainWindow, with its panels, layouts and file actions built."""
    ex, lessons, book = window.exercises, window.lessons, window.controller.exercises
    layouts, files = window.layouts, window.files
    titles = dict(zip(lessons.lesson_slugs(), lessons.lesson_titles(), strict=True))
    lessons.lessonChanged.connect(lambda slug: ex.set_lesson(slug, titles.get(slug, "")))
    ex.set_lesson(lessons.current_slug(), titles.get(lessons.current_slug() or "", ""))
    lessons.challengeRequested.connect(lambda name: ex.show_challenge(book.builtin(name)))
    lessons.predictRequested.connect(ex.show_predict)
    for signal in (lessons.challengeRequested, lessons.predictRequested, book.selected):
        signal.connect(lambda *_: layouts.reveal("exercisesDock"))
    ex.challenges.revealRequested.connect(layouts.reveal)
    ex.challenges.openRequested.connect(files.open_exercise_dialog)
    ex.challenges.exportRequested.connect(files.export_results_dialog)
