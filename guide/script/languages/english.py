"""English: the wording was chosen by ear with scripts/listen.py (see the comments on why)."""

from __future__ import annotations

from dataclasses import dataclass

from ...routine import Sides
from ..phrasebook import Phrasebook, bare, sentence

_ONES = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def number_words(n: int) -> str:
    """English words for 0-9999 ("twenty-one", "three hundred and five")."""
    if n < 20:
        return _ONES[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return _TENS[tens] + (f"-{_ONES[ones]}" if ones else "")
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        return f"{_ONES[hundreds]} hundred" + (f" and {number_words(rest)}" if rest else "")
    thousands, rest = divmod(n, 1000)
    tail = "" if not rest else (f" and {number_words(rest)}" if rest < 100 else f" {number_words(rest)}")
    return f"{number_words(thousands)} thousand{tail}"


def _spoken_seconds(value: float) -> str:
    if value >= 60 and value % 60 == 0:
        minutes = int(value // 60)
        return f"{number_words(minutes)} minute" + ("s" if minutes != 1 else "")
    return f"{number_words(round(value))} second" + ("s" if value != 1 else "")


def _seconds(value: float) -> str:
    if value >= 60 and value % 60 == 0:
        minutes = int(value // 60)
        return f"{minutes} minute" + ("s" if minutes != 1 else "")
    return f"{value:g} second" + ("s" if value != 1 else "")


def _hours_and_minutes(minutes: int) -> str:
    """ "ten minutes", "one hour", "two hours and ten minutes": nobody says "130 minutes"."""
    hours, rest = divmod(minutes, 60)
    said = [
        f"{number_words(n)} {unit}" + ("s" if n != 1 else "") for n, unit in ((hours, "hour"), (rest, "minute")) if n
    ]
    return " and ".join(said)


@dataclass(frozen=True)
class English(Phrasebook):
    code: str = "en"
    name: str = "English"
    right: str = "right"
    left: str = "left"

    def number(self, n: int) -> str:
        return number_words(n)

    def welcome(self, title: str, minutes: int, exercises: int) -> str:
        length = "under a minute" if minutes < 1 else f"about {_hours_and_minutes(minutes)}"
        count = f"{number_words(exercises)} exercise" + ("s" if exercises != 1 else "")
        return sentence(f"{title.rstrip('.!?')}. {length.capitalize()}, {count}")

    def opening_chapter(self) -> str:
        return "Welcome"

    def exercise(self, number: int, total: int, name: str) -> str:
        # "Exercise one of five" is heard as "exercise 1-5": the comma and "out of" keep the "of".
        return f"Exercise {number_words(number)}, out of {number_words(total)}: {bare(name)}."

    def dose_summary(
        self, sets: int, reps: int | None, hold: float | None, sides: Sides, rest: float, timed: bool
    ) -> str:
        # "holds" is heard as "holes": a hold is said as a verb with a count ("hold 30 seconds, 4 times").
        where = {Sides.ONE: "", Sides.EACH: " on each side", Sides.ALTERNATE: " per side, alternating sides"}[sides]
        verb = "work" if timed else "hold"
        if hold is None:
            assert reps is not None
            body = f"{reps} {'rep' if reps == 1 else 'reps'}{where}"  # never "1 reps"
            if sets > 1:
                body = f"{sets} sets of {body}, resting {_seconds(rest)} between sets"
        elif reps is not None:
            # A phrase that opens on "h" loses it after a silence ("hold" -> "old"): lead with the count.
            body = f"{reps} times{where}, {verb}ing {_seconds(hold)} each time"
            if sets > 1:
                body = f"{sets} sets: {body}, resting {_seconds(rest)} between sets"
        elif sets > 1:
            body = f"{sets} times{where}: {verb} {_seconds(hold)}, resting {_seconds(rest)} between"
        else:
            body = f"{verb} for {_seconds(hold)}{where}"
        return sentence(body)

    def get_into_position(self) -> str:
        return "Get into position."

    def first_side(self, alternate: bool) -> str:
        return "Start on your right side, then alternate." if alternate else "Right side."

    def switch_sides(self) -> str:
        return f"Switch to your {self.left} side."

    def set_number(self, number: int, total: int) -> str:
        if number == total:
            return "Final set."  # "Last set." is heard as "Wassup"
        return f"Set {number_words(number)}, out of {number_words(total)}."

    def round_number(self, number: int, total: int) -> str:
        if number == total:
            return "Last round."
        return f"Round {number_words(number)}, out of {number_words(total)}."

    def round_chapter(self, name: str, number: int, total: int) -> str:
        return f"{name}, round {number} of {total}"

    def block_intro(
        self, name: str | None, rounds: int, exercises: int, rest: float | None, every: float | None
    ) -> str:
        what = f"{number_words(exercises)} exercise" + ("s" if exercises != 1 else "")
        times = f"{number_words(rounds)} round" + ("s" if rounds != 1 else "")
        if every is not None:
            interval = "every minute on the minute" if every == 60 else f"a new exercise every {_spoken_seconds(every)}"
            body = f"{interval}, {times} of {what}"
        else:
            body = f"{times} of {what}"
            if rest:
                body += f", resting {_spoken_seconds(rest)} between rounds"
        label = bare(name) + ": " if name else ""
        return sentence(label + body)

    def count(self, number: int) -> str:
        # Said with energy, as a coach counts: "Two." alone is heard as "ten", "Two!" is not.
        # "Eight!" is heard as "hey", so eight keeps its full stop (scripts/listen.py measures these).
        word = number_words(number)
        return word.capitalize() + ("." if number == 8 else "!")

    def hold(self, timed: bool, after_countdown: bool = False) -> str:
        if timed:  # "Go!" alone is heard as "so", "Begin." as "again"
            return "Go now." if after_countdown else "Start now."
        return "And hold."  # "Hold." after a silence is heard as "old"

    def rep_hold(self, number: int, side: str | None) -> str:
        return sentence(f"{side}, hold" if side else f"{number_words(number)}, hold")

    def halfway(self) -> str:
        return "That's halfway."  # "Halfway." after a silence is heard as "F-way"

    def ten_seconds_left(self) -> str:
        return "Ten seconds left."

    def countdown(self) -> str:
        # One phrase: "Two." said alone is heard as "ten"; "three, two, one" together is heard right.
        return "Three, two, one."

    def countdown_into(self, counted_reps: bool) -> str:
        return "Three, two, one, go!" if counted_reps else self.countdown()

    def stop_and_rest(self) -> str:
        return "Stop, and rest."

    def release(self, timed: bool) -> str:
        return "Stop there." if timed else "And release."  # "And stop." is heard as "and stopped"

    def rest(self) -> str:
        return "Rest."

    def next_up(self, name: str) -> str:
        return f"Next up: {bare(name)}."

    def closing(self) -> str:
        return "That's the whole routine. Nice work, and enjoy the rest of your day."
