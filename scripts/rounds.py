"""The rounds of an ML-engineer interview loop: the one list that the pages, the navigation, the index pages,
the scaffold and the practice tools read.

A round is a folder, `docs/<key>/`, with an `index.md` (what the round tests and how it is run) and its
question pages. Every question page names its round in front matter (`round: <key>`), and the build refuses a
page whose round is missing, unknown, or not the folder it lives in. The order here is the order of the
navigation (`docs/.nav.yml` lists the same folders; the build checks that the two agree).
"""

from __future__ import annotations

from dataclasses import dataclass

# The outline of a question page (the page standard). Rounds whose pages are not questions to answer aloud
# (coding problems, system designs) have outlines of their own.
QUESTION_SECTIONS = ("Short answer", "In depth", "In code", "Pitfalls and follow-ups", "Check yourself")
CODING_SECTIONS = ("Problem", "Hints", "Test your solution", "Solution", "Follow-ups")
DESIGN_SECTIONS = (
    "Short answer",
    "Requirements and scope",
    "Metrics",
    "Data and features",
    "Model",
    "Serving",
    "Evaluation and launch",
    "Monitoring",
    "Pitfalls and follow-ups",
    "Check yourself",
)


@dataclass(frozen=True)
class Round:
    key: str  # front matter `round:`, the folder under docs/, the URL segment
    title: str  # the section title in the navigation and on the home page
    tests: str  # one line: what the round tests (home page, Anki sub-deck description)
    sections: tuple[str, ...] = QUESTION_SECTIONS

    @property
    def deck(self) -> str:
        """The Anki sub-deck name (Anki nests decks on '::')."""
        return f"ML Interview Guide::{self.title}"


ROUNDS: tuple[Round, ...] = (
    Round("fundamentals", "ML fundamentals", "vocabulary, paradigms, generalisation and data preparation"),
    Round("classical", "Classical algorithms", "the models behind tabular ML, their assumptions and knobs"),
    Round("evaluation", "Evaluation and experimentation", "validation, metrics, statistics and A/B tests"),
    Round("deep-learning", "Deep learning", "how networks train, why they fail, and the architectures"),
    Round("coding", "ML coding", "implementing an algorithm from scratch in NumPy, graded by tests", CODING_SECTIONS),
    Round(
        "system-design",
        "ML system design",
        "designing an ML product end to end, from metrics to monitoring",
        DESIGN_SECTIONS,
    ),
)
BY_KEY = {r.key: r for r in ROUNDS}
KEYS = tuple(BY_KEY)


def get(key: str) -> Round:
    return BY_KEY[key]
