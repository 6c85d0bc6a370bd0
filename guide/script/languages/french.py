"""French (tu, as coaches speak): chosen by ear with scripts/listen.py in French."""

from __future__ import annotations

from dataclasses import dataclass

from ...routine import Sides
from ..phrasebook import Phrasebook, bare, sentence
from .numbers import Gender, Unit, duration, ordinal, spell

LOCALE = "fr"
SECOND = Unit("seconde", "secondes", Gender.FEMININE)
MINUTE = Unit("minute", "minutes", Gender.FEMININE)
HOUR = Unit("heure", "heures", Gender.FEMININE)
EXERCISE = Unit("exercice", "exercices", Gender.MASCULINE)
REP = Unit("répétition", "répétitions", Gender.FEMININE)
SET = Unit("série", "séries", Gender.FEMININE)
TIME = Unit("fois", "fois", Gender.FEMININE)
ROUND = Unit("tour", "tours", Gender.MASCULINE)


def _time(value: float) -> str:
    return duration(value, LOCALE, SECOND, MINUTE)


@dataclass(frozen=True)
class French(Phrasebook):
    code: str = "fr"
    name: str = "French"
    right: str = "droite"
    left: str = "gauche"

    def number(self, n: int) -> str:
        return spell(n, LOCALE)

    def welcome(self, title: str, minutes: int, exercises: int) -> str:
        hours, rest = divmod(minutes, 60)
        parts = [unit.said(n, LOCALE) for n, unit in ((hours, HOUR), (rest, MINUTE)) if n]
        length = "moins d'une minute" if minutes < 1 else "environ " + " et ".join(parts)
        return sentence(f"{bare(title)}. {length[0].upper() + length[1:]}, {EXERCISE.said(exercises, LOCALE)}")

    def opening_chapter(self) -> str:
        return "Bienvenue"

    def exercise(self, number: int, total: int, name: str) -> str:
        # "Exercice deux" is heard as "exercices de"; "numéro deux" keeps the number.
        return f"Exercice numéro {self.number(number)}, sur {self.number(total)} : {bare(name)}."

    def dose_summary(
        self, sets: int, reps: int | None, hold: float | None, sides: Sides, rest: float, timed: bool
    ) -> str:
        where = {Sides.ONE: "", Sides.EACH: " de chaque côté", Sides.ALTERNATE: " par côté, en alternant"}[sides]
        between = f"avec {_time(rest)} de repos entre les séries"
        if hold is None:
            assert reps is not None
            body = f"{REP.said(reps, LOCALE)}{where}"
            if sets > 1:
                body = f"{SET.said(sets, LOCALE)} de {body}, {between}"
        elif reps is not None:
            doing = "en travaillant" if timed else "en tenant"
            body = f"{TIME.said(reps, LOCALE)}{where}, {doing} {_time(hold)} à chaque fois"
            if sets > 1:
                body = f"{SET.said(sets, LOCALE)} : {body}, {between}"
        elif sets > 1:
            verb = "travaille" if timed else "tiens"
            body = f"{TIME.said(sets, LOCALE)}{where} : {verb} {_time(hold)}, avec {_time(rest)} de repos entre chaque"
        else:
            verb = "travaille" if timed else "tiens la position"
            body = f"{verb} {_time(hold)}{where}"
        return sentence(body)

    def get_into_position(self) -> str:
        return "En position."  # "Mets-toi" is heard as "mettre"

    def first_side(self, alternate: bool) -> str:
        return "Commence par le côté droit, puis alterne." if alternate else "Côté droit."

    def switch_sides(self) -> str:
        return "Passe au côté gauche."

    def set_number(self, number: int, total: int) -> str:
        # "Série un" is heard as "C'est rien"; "Première série" is heard right.
        if number == total:
            return "Dernière série."
        return f"{ordinal(number, LOCALE, feminine=True).capitalize()} série sur {self.number(total)}."

    def round_number(self, number: int, total: int) -> str:
        return "Dernier tour." if number == total else f"Tour {self.number(number)} sur {self.number(total)}."

    def round_chapter(self, name: str, number: int, total: int) -> str:
        return f"{name}, tour {number} sur {total}"

    def block_intro(
        self, name: str | None, rounds: int, exercises: int, rest: float | None, every: float | None
    ) -> str:
        what = f"{ROUND.said(rounds, LOCALE)} de {EXERCISE.said(exercises, LOCALE)}".replace(" de un ", " d'un ")
        if every is not None:
            interval = "au début de chaque minute" if every == 60 else f"un nouvel exercice toutes les {_time(every)}"
            body = f"{interval}, {what}"
        else:
            body = what + (f", avec {_time(rest)} de repos entre les tours" if rest else "")
        return sentence((bare(name) + " : " if name else "") + body)

    def count(self, number: int) -> str:
        return f"{self.number(number).capitalize()} !"

    def hold(self, timed: bool, after_countdown: bool = False) -> str:
        if timed:
            return "C'est parti !" if after_countdown else "Commence maintenant."
        return "Tiens la position."  # "Et tiens" is heard as "et tient"

    def rep_hold(self, number: int, side: str | None) -> str:
        # "Droite, tiens" is heard as "droit de tiens"; "À droite, tiens bon" is heard right.
        return sentence(f"à {side}, tiens bon" if side else f"{self.number(number)}, tiens bon")

    def halfway(self) -> str:
        return "Tu es à la moitié."

    def ten_seconds_left(self) -> str:
        return "Plus que dix secondes."

    def countdown(self) -> str:
        return "Trois, deux, un."

    def countdown_into(self, counted_reps: bool) -> str:
        return "Trois, deux, un, c'est parti !" if counted_reps else self.countdown()

    def stop_and_rest(self) -> str:
        return "Stop, et repose-toi."

    def release(self, timed: bool) -> str:
        return "Et stop." if timed else "Et relâche."

    def rest(self) -> str:
        return "Repos."

    def next_up(self, name: str) -> str:
        return f"Ensuite : {bare(name)}."

    def closing(self) -> str:
        return "C'est la fin de la séance. Beau travail, et bonne fin de journée."
