"""Italian (tu, as coaches speak): chosen by ear with scripts/listen.py in Italian."""

from __future__ import annotations

from dataclasses import dataclass

from ...routine import Sides
from ..phrasebook import Phrasebook, bare, sentence
from .numbers import Gender, Unit, duration, spell

LOCALE = "it"
SECOND = Unit("secondo", "secondi", Gender.MASCULINE)
MINUTE = Unit("minuto", "minuti", Gender.MASCULINE)
HOUR = Unit("ora", "ore", Gender.FEMININE)
EXERCISE = Unit("esercizio", "esercizi", Gender.MASCULINE)
REP = Unit("ripetizione", "ripetizioni", Gender.FEMININE)
SET = Unit("serie", "serie", Gender.FEMININE)
TIME = Unit("volta", "volte", Gender.FEMININE)
ROUND = Unit("giro", "giri", Gender.MASCULINE)


def _time(value: float) -> str:
    return duration(value, LOCALE, SECOND, MINUTE)


@dataclass(frozen=True)
class Italian(Phrasebook):
    code: str = "it"
    name: str = "Italian"
    right: str = "destra"
    left: str = "sinistra"

    def number(self, n: int) -> str:
        return spell(n, LOCALE)

    def welcome(self, title: str, minutes: int, exercises: int) -> str:
        hours, rest = divmod(minutes, 60)
        # "un'ora": Italian elides "una" before a vowel.
        parts = [
            "un'ora" if n == 1 and unit is HOUR else unit.said(n, LOCALE)
            for n, unit in ((hours, HOUR), (rest, MINUTE))
            if n
        ]
        length = "meno di un minuto" if minutes < 1 else "circa " + " e ".join(parts)
        return sentence(f"{bare(title)}. {length[0].upper() + length[1:]}, {EXERCISE.said(exercises, LOCALE)}")

    def opening_chapter(self) -> str:
        return "Benvenuto"

    def exercise(self, number: int, total: int, name: str) -> str:
        # "Esercizio tre di cinque" is heard as "esercizio 35": the comma and "su" keep them apart.
        return f"Esercizio {self.number(number)}, su {self.number(total)}: {bare(name)}."

    def dose_summary(
        self, sets: int, reps: int | None, hold: float | None, sides: Sides, rest: float, timed: bool
    ) -> str:
        where = {Sides.ONE: "", Sides.EACH: " per lato", Sides.ALTERNATE: " per lato, alternando i lati"}[sides]
        between = f"con {_time(rest)} di recupero tra le serie"
        if hold is None:
            assert reps is not None
            body = f"{REP.said(reps, LOCALE)}{where}"
            if sets > 1:
                body = f"{SET.said(sets, LOCALE)} da {body}, {between}"
        elif reps is not None:
            doing = "lavorando" if timed else "tenendo"
            body = f"{TIME.said(reps, LOCALE)}{where}, {doing} {_time(hold)} ogni volta"
            if sets > 1:
                body = f"{SET.said(sets, LOCALE)}: {body}, {between}"
        elif sets > 1:
            verb = "lavora" if timed else "tieni"
            body = f"{TIME.said(sets, LOCALE)}{where}: {verb} {_time(hold)}, con {_time(rest)} di recupero tra una e l'altra"
        else:
            verb = "lavora" if timed else "tieni la posizione"
            body = f"{verb} per {_time(hold)}{where}"
        return sentence(body)

    def get_into_position(self) -> str:
        return "Prendi posizione."  # "Mettiti" is heard as "Metit"

    def first_side(self, alternate: bool) -> str:
        return "Inizia dal lato destro, poi alterna." if alternate else "Lato destro."

    def switch_sides(self) -> str:
        return "Passa al lato sinistro."

    def set_number(self, number: int, total: int) -> str:
        return "Ultima serie." if number == total else f"Serie {self.number(number)} di {self.number(total)}."

    def round_number(self, number: int, total: int) -> str:
        return "Ultimo giro." if number == total else f"Giro {self.number(number)} di {self.number(total)}."

    def round_chapter(self, name: str, number: int, total: int) -> str:
        return f"{name}, giro {number} di {total}"

    def block_intro(
        self, name: str | None, rounds: int, exercises: int, rest: float | None, every: float | None
    ) -> str:
        what = f"{ROUND.said(rounds, LOCALE)} da {EXERCISE.said(exercises, LOCALE)}"
        if every is not None:
            interval = "all'inizio di ogni minuto" if every == 60 else f"un nuovo esercizio ogni {_time(every)}"
            body = f"{interval}, {what}"
        else:
            body = what + (f", con {_time(rest)} di recupero tra un giro e l'altro" if rest else "")
        return sentence((bare(name) + ": " if name else "") + body)

    def count(self, number: int) -> str:
        return f"{self.number(number).capitalize()}!"

    def hold(self, timed: bool, after_countdown: bool = False) -> str:
        if timed:
            return "Via!" if after_countdown else "Inizia ora."
        return "E tieni la posizione."

    def rep_hold(self, number: int, side: str | None) -> str:
        # "Sinistra, tieni" runs together ("Sinistratiani"); "tieni fermo" stands apart.
        return sentence(f"{side}, tieni fermo" if side else f"{self.number(number)}, tieni fermo")

    def halfway(self) -> str:
        return "Sei a metà."

    def ten_seconds_left(self) -> str:
        return "Ancora dieci secondi."

    def countdown(self) -> str:
        return "Tre, due, uno."

    def countdown_into(self, counted_reps: bool) -> str:
        return "Tre, due, uno, via!" if counted_reps else self.countdown()

    def stop_and_rest(self) -> str:
        return "Stop, e riposa."

    def release(self, timed: bool) -> str:
        return "E stop." if timed else "E rilascia."

    def rest(self) -> str:
        return "Riposo."

    def next_up(self, name: str) -> str:
        return f"Prossimo: {bare(name)}."

    def closing(self) -> str:
        return "Questa era tutta la routine. Ottimo lavoro, e goditi il resto della giornata."
