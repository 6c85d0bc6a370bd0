"""Spanish (tú, as coaches speak): chosen by ear with scripts/listen.py in Spanish."""

from __future__ import annotations

from dataclasses import dataclass

from ...routine import Sides
from ..phrasebook import Phrasebook, bare, sentence
from .numbers import Gender, Unit, duration, ordinal, spell

LOCALE = "es"
SECOND = Unit("segundo", "segundos", Gender.MASCULINE)
MINUTE = Unit("minuto", "minutos", Gender.MASCULINE)
HOUR = Unit("hora", "horas", Gender.FEMININE)
EXERCISE = Unit("ejercicio", "ejercicios", Gender.MASCULINE)
REP = Unit("repetición", "repeticiones", Gender.FEMININE)
SET = Unit("serie", "series", Gender.FEMININE)
TIME = Unit("vez", "veces", Gender.FEMININE)
ROUND = Unit("ronda", "rondas", Gender.FEMININE)


def _time(value: float) -> str:
    return duration(value, LOCALE, SECOND, MINUTE)


@dataclass(frozen=True)
class Spanish(Phrasebook):
    code: str = "es"
    name: str = "Spanish"
    right: str = "derecha"
    left: str = "izquierda"

    def number(self, n: int) -> str:
        return spell(n, LOCALE)

    def welcome(self, title: str, minutes: int, exercises: int) -> str:
        hours, rest = divmod(minutes, 60)
        parts = [unit.said(n, LOCALE) for n, unit in ((hours, HOUR), (rest, MINUTE)) if n]
        # "unos diez minutos", but "alrededor de una hora": "unos" cannot stand before "una".
        about = "unos " if (hours or rest) > 1 and not hours else "alrededor de "
        length = "menos de un minuto" if minutes < 1 else about + " y ".join(parts)
        return sentence(f"{bare(title)}. {length[0].upper() + length[1:]}, {EXERCISE.said(exercises, LOCALE)}")

    def opening_chapter(self) -> str:
        return "Bienvenida"

    def exercise(self, number: int, total: int, name: str) -> str:
        return f"Ejercicio {self.number(number)} de {self.number(total)}: {bare(name)}."

    def dose_summary(
        self, sets: int, reps: int | None, hold: float | None, sides: Sides, rest: float, timed: bool
    ) -> str:
        where = {Sides.ONE: "", Sides.EACH: " en cada lado", Sides.ALTERNATE: " por lado, alternando lados"}[sides]
        between = f"descansando {_time(rest)} entre series"
        if hold is None:
            assert reps is not None
            body = f"{REP.said(reps, LOCALE)}{where}"
            if sets > 1:
                body = f"{SET.said(sets, LOCALE)} de {body}, {between}"
        elif reps is not None:
            doing = "trabajando" if timed else "manteniendo"
            body = f"{TIME.said(reps, LOCALE)}{where}, {doing} {_time(hold)} cada vez"
            if sets > 1:
                body = f"{SET.said(sets, LOCALE)}: {body}, {between}"
        elif sets > 1:
            verb = "trabaja" if timed else "mantén"
            body = f"{TIME.said(sets, LOCALE)}{where}: {verb} {_time(hold)}, descansando {_time(rest)} entre cada una"
        else:
            verb = "trabaja" if timed else "mantén"
            body = f"{verb} {_time(hold)}{where}"
        return sentence(body)

    def get_into_position(self) -> str:
        return "Ponte en posición."

    def first_side(self, alternate: bool) -> str:
        return "Empieza por el lado derecho, luego alterna." if alternate else "Lado derecho."

    def switch_sides(self) -> str:
        return "Cambia al lado izquierdo."

    def set_number(self, number: int, total: int) -> str:
        # "Serie dos" is heard as "Sería dos"; "Segunda serie de cuatro" is heard right.
        if number == total:
            return "Última serie."
        return f"{ordinal(number, LOCALE, feminine=True).capitalize()} serie de {self.number(total)}."

    def round_number(self, number: int, total: int) -> str:
        return "Última ronda." if number == total else f"Ronda {self.number(number)} de {self.number(total)}."

    def round_chapter(self, name: str, number: int, total: int) -> str:
        return f"{name}, ronda {number} de {total}"

    def block_intro(
        self, name: str | None, rounds: int, exercises: int, rest: float | None, every: float | None
    ) -> str:
        what = f"{ROUND.said(rounds, LOCALE)} de {EXERCISE.said(exercises, LOCALE)}"
        if every is not None:
            interval = "al inicio de cada minuto" if every == 60 else f"un ejercicio nuevo cada {_time(every)}"
            body = f"{interval}, {what}"
        else:
            body = what + (f", descansando {_time(rest)} entre rondas" if rest else "")
        return sentence((bare(name) + ": " if name else "") + body)

    def count(self, number: int) -> str:
        return f"¡{self.number(number).capitalize()}!"

    def hold(self, timed: bool, after_countdown: bool = False) -> str:
        if timed:
            return "¡Vamos!" if after_countdown else "Empieza ya."
        return "Y aguanta."

    def rep_hold(self, number: int, side: str | None) -> str:
        # "Derecha, mantén" is heard as "derecha a mantén"; "aguanta" stands apart.
        return sentence(f"{side}, aguanta" if side else f"{self.number(number)}, aguanta")

    def halfway(self) -> str:
        return "Ya llevas la mitad."  # "Vas por la mitad" is heard as "Bás"

    def ten_seconds_left(self) -> str:
        return "Quedan diez segundos."

    def countdown(self) -> str:
        return "Tres, dos, uno."

    def countdown_into(self, counted_reps: bool) -> str:
        return "Tres, dos, uno, ¡ya!" if counted_reps else self.countdown()

    def stop_and_rest(self) -> str:
        return "Para, y descansa."

    def release(self, timed: bool) -> str:
        return "Y para." if timed else "Y suelta."

    def rest(self) -> str:
        return "Descanso."  # "Descansa." alone is heard as "Discanza"

    def next_up(self, name: str) -> str:
        return f"Lo siguiente: {bare(name)}."

    def closing(self) -> str:
        return "Esa es toda la rutina. Buen trabajo, y disfruta del resto del día."
