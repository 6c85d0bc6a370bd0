"""Brazilian Portuguese (você, as coaches speak): chosen by ear with scripts/listen.py in Portuguese."""

from __future__ import annotations

from dataclasses import dataclass

from ...routine import Sides
from ..phrasebook import Phrasebook, bare, sentence
from .numbers import Gender, Unit, duration, spell

LOCALE = "pt"  # CLDR's "pt" is Brazilian ("dezesseis"; Portugal says "dezasseis")
SECOND = Unit("segundo", "segundos", Gender.MASCULINE)
MINUTE = Unit("minuto", "minutos", Gender.MASCULINE)
HOUR = Unit("hora", "horas", Gender.FEMININE)
EXERCISE = Unit("exercício", "exercícios", Gender.MASCULINE)
REP = Unit("repetição", "repetições", Gender.FEMININE)
SET = Unit("série", "séries", Gender.FEMININE)
TIME = Unit("vez", "vezes", Gender.FEMININE)
ROUND = Unit("rodada", "rodadas", Gender.FEMININE)


def _time(value: float) -> str:
    return duration(value, LOCALE, SECOND, MINUTE)


@dataclass(frozen=True)
class Portuguese(Phrasebook):
    code: str = "pt-BR"
    name: str = "Portuguese (Brazil)"
    right: str = "direita"
    left: str = "esquerda"

    def number(self, n: int) -> str:
        return spell(n, LOCALE)

    def welcome(self, title: str, minutes: int, exercises: int) -> str:
        hours, rest = divmod(minutes, 60)
        parts = [unit.said(n, LOCALE) for n, unit in ((hours, HOUR), (rest, MINUTE)) if n]
        length = "menos de um minuto" if minutes < 1 else "cerca de " + " e ".join(parts)
        return sentence(f"{bare(title)}. {length[0].upper() + length[1:]}, {EXERCISE.said(exercises, LOCALE)}")

    def opening_chapter(self) -> str:
        return "Boas-vindas"

    def exercise(self, number: int, total: int, name: str) -> str:
        return f"Exercício {self.number(number)} de {self.number(total)}: {bare(name)}."

    def dose_summary(
        self, sets: int, reps: int | None, hold: float | None, sides: Sides, rest: float, timed: bool
    ) -> str:
        where = {Sides.ONE: "", Sides.EACH: " de cada lado", Sides.ALTERNATE: " por lado, alternando os lados"}[sides]
        between = f"descansando {_time(rest)} entre as séries"
        if hold is None:
            assert reps is not None
            body = f"{REP.said(reps, LOCALE)}{where}"
            if sets > 1:
                body = f"{SET.said(sets, LOCALE)} de {body}, {between}"
        elif reps is not None:
            doing = "trabalhando" if timed else "segurando"
            body = f"{TIME.said(reps, LOCALE)}{where}, {doing} {_time(hold)} cada vez"
            if sets > 1:
                body = f"{SET.said(sets, LOCALE)}: {body}, {between}"
        elif sets > 1:
            verb = "trabalhe" if timed else "segure"
            body = f"{TIME.said(sets, LOCALE)}{where}: {verb} {_time(hold)}, descansando {_time(rest)} entre cada uma"
        else:
            verb = "trabalhe" if timed else "segure"
            body = f"{verb} por {_time(hold)}{where}"
        return sentence(body)

    def get_into_position(self) -> str:
        return "Fique em posição."  # "Entre na posição" is heard as "Entra-me na posição"

    def first_side(self, alternate: bool) -> str:
        return "Comece pelo lado direito, depois alterne." if alternate else "Lado direito."

    def switch_sides(self) -> str:
        return "Troque para o lado esquerdo."

    def set_number(self, number: int, total: int) -> str:
        return "Última série." if number == total else f"Série {self.number(number)} de {self.number(total)}."

    def round_number(self, number: int, total: int) -> str:
        return "Última rodada." if number == total else f"Rodada {self.number(number)} de {self.number(total)}."

    def round_chapter(self, name: str, number: int, total: int) -> str:
        return f"{name}, rodada {number} de {total}"

    def block_intro(
        self, name: str | None, rounds: int, exercises: int, rest: float | None, every: float | None
    ) -> str:
        what = f"{ROUND.said(rounds, LOCALE)} de {EXERCISE.said(exercises, LOCALE)}"
        if every is not None:
            interval = "no início de cada minuto" if every == 60 else f"um exercício novo a cada {_time(every)}"
            body = f"{interval}, {what}"
        else:
            body = what + (f", descansando {_time(rest)} entre as rodadas" if rest else "")
        return sentence((bare(name) + ": " if name else "") + body)

    def count(self, number: int) -> str:
        return f"{self.number(number).capitalize()}!"

    def hold(self, timed: bool, after_countdown: bool = False) -> str:
        if timed:
            return "Vai!" if after_countdown else "Comece agora."
        return "E segure."

    def rep_hold(self, number: int, side: str | None) -> str:
        return sentence(f"{side}, segure" if side else f"{self.number(number)}, segure")

    def halfway(self) -> str:
        return "Chegou na metade."

    def ten_seconds_left(self) -> str:
        return "Só mais dez segundos."  # "Faltam dez segundos" is heard as "Falta um 10 segundos"

    def countdown(self) -> str:
        return "Três, dois, um."

    def countdown_into(self, counted_reps: bool) -> str:
        return "Três, dois, um, vai!" if counted_reps else self.countdown()

    def stop_and_rest(self) -> str:
        return "Pare, e descanse."

    def release(self, timed: bool) -> str:
        return "E pare." if timed else "E solte."

    def rest(self) -> str:
        return "Hora de descansar."  # "Descanse." alone is heard as "Desconsey"

    def next_up(self, name: str) -> str:
        return f"A seguir: {bare(name)}."

    def closing(self) -> str:
        return "Essa foi a rotina completa. Bom trabalho, e aproveite o resto do dia."
