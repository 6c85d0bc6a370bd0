"""German (du, as coaches speak): chosen by ear with scripts/listen.py in German."""

from __future__ import annotations

from dataclasses import dataclass

from ...routine import Sides
from ..phrasebook import Phrasebook, bare, sentence
from .numbers import Gender, Unit, duration, ordinal, spell

LOCALE = "de"
SECOND = Unit("Sekunde", "Sekunden", Gender.FEMININE)
MINUTE = Unit("Minute", "Minuten", Gender.FEMININE)
HOUR = Unit("Stunde", "Stunden", Gender.FEMININE)
EXERCISE = Unit("Übung", "Übungen", Gender.FEMININE)
REP = Unit("Wiederholung", "Wiederholungen", Gender.FEMININE)
SET = Unit("Satz", "Sätze", Gender.MASCULINE)
ROUND = Unit("Runde", "Runden", Gender.FEMININE)


def _time(value: float) -> str:
    return duration(value, LOCALE, SECOND, MINUTE)


def _times(n: int) -> str:
    """ "einmal", "dreimal", "fünfzehnmal": German writes the count and "mal" as one word."""
    return spell(n, LOCALE, Gender.NEUTER) + "mal"


@dataclass(frozen=True)
class German(Phrasebook):
    code: str = "de"
    name: str = "German"
    right: str = "rechts"
    left: str = "links"

    def number(self, n: int) -> str:
        return spell(n, LOCALE)

    def welcome(self, title: str, minutes: int, exercises: int) -> str:
        hours, rest = divmod(minutes, 60)
        parts = [unit.said(n, LOCALE) for n, unit in ((hours, HOUR), (rest, MINUTE)) if n]
        length = "unter einer Minute" if minutes < 1 else "etwa " + " und ".join(parts)
        return sentence(f"{bare(title)}. {length[0].upper() + length[1:]}, {EXERCISE.said(exercises, LOCALE)}")

    def opening_chapter(self) -> str:
        return "Willkommen"

    def exercise(self, number: int, total: int, name: str) -> str:
        return f"Übung {self.number(number)} von {self.number(total)}: {bare(name)}."

    def dose_summary(
        self, sets: int, reps: int | None, hold: float | None, sides: Sides, rest: float, timed: bool
    ) -> str:
        where = {Sides.ONE: "", Sides.EACH: " auf jeder Seite", Sides.ALTERNATE: " pro Seite, abwechselnd"}[sides]
        between = f"{_time(rest)} Pause zwischen den Sätzen"
        verb = "arbeiten" if timed else "halten"
        if hold is None:
            assert reps is not None
            body = f"{REP.said(reps, LOCALE)}{where}"
            if sets > 1:
                body = f"{SET.said(sets, LOCALE)} mit je {body}, {between}"
        elif reps is not None:
            body = f"{_times(reps)}{where}, jeweils {_time(hold)} {verb}"
            if sets > 1:
                body = f"{SET.said(sets, LOCALE)}: {body}, {between}"
        elif sets > 1:
            body = f"{_times(sets)}{where}: {_time(hold)} {verb}, {_time(rest)} Pause dazwischen"
        else:
            body = f"{_time(hold)} {verb}{where}"
        return sentence(body)

    def get_into_position(self) -> str:
        return "Geh in Position."

    def first_side(self, alternate: bool) -> str:
        return "Beginne mit der rechten Seite, dann abwechselnd." if alternate else "Rechte Seite."

    def switch_sides(self) -> str:
        return "Wechsle auf die linke Seite."

    def set_number(self, number: int, total: int) -> str:
        # "Satz eins von drei" is lost in espeak's voice; "Erster Satz von drei" less so.
        if number == total:
            return "Letzter Satz."
        return f"{ordinal(number, LOCALE).capitalize()}r Satz von {self.number(total)}."

    def round_number(self, number: int, total: int) -> str:
        return "Letzte Runde." if number == total else f"Runde {self.number(number)} von {self.number(total)}."

    def round_chapter(self, name: str, number: int, total: int) -> str:
        return f"{name}, Runde {number} von {total}"

    def block_intro(
        self, name: str | None, rounds: int, exercises: int, rest: float | None, every: float | None
    ) -> str:
        # After "mit" German takes the dative: "mit einer Übung", "mit vier Übungen".
        what = "einer Übung" if exercises == 1 else EXERCISE.said(exercises, LOCALE)
        body = f"{ROUND.said(rounds, LOCALE)} mit {what}"
        if every is not None:
            interval = "zu jeder vollen Minute" if every == 60 else f"alle {_time(every)} eine neue Übung"
            body = f"{interval}, {body}"
        elif rest:
            body += f", {_time(rest)} Pause zwischen den Runden"
        return sentence((bare(name) + ": " if name else "") + body)

    def count(self, number: int) -> str:
        return f"{self.number(number).capitalize()}!"

    def hold(self, timed: bool, after_countdown: bool = False) -> str:
        if timed:
            return "Los!" if after_countdown else "Jetzt los."
        return "Und halten."

    def rep_hold(self, number: int, side: str | None) -> str:
        return sentence(f"{side}, halten" if side else f"{self.number(number)}, halten")

    def halfway(self) -> str:
        return "Die Hälfte ist geschafft."

    def ten_seconds_left(self) -> str:
        return "Noch zehn Sekunden."

    def countdown(self) -> str:
        return "Drei, zwei, eins."

    def countdown_into(self, counted_reps: bool) -> str:
        return "Drei, zwei, eins, los!" if counted_reps else self.countdown()

    def stop_and_rest(self) -> str:
        return "Stopp, und Pause."

    def release(self, timed: bool) -> str:
        return "Und Stopp." if timed else "Und entspannen."  # "Und lösen" is heard as "und rösen"

    def rest(self) -> str:
        return "Pause."

    def next_up(self, name: str) -> str:
        return f"Als Nächstes: {bare(name)}."

    def closing(self) -> str:
        return "Das war die ganze Routine. Gut gemacht, und genieß den Rest des Tages."
