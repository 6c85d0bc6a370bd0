"""Routine + pace -> Script: a flat, timed list of cues with chapters. Pure."""

from .builder import Measure, as_built, build_script, resolve
from .estimate import estimate_seconds
from .languages import ENGLISH, PHRASEBOOKS, find_phrasebook, phrasebook_for
from .languages.english import number_words
from .model import BlockPlan, Chapter, Cue, CueKind, ExercisePlan, ResolvedDose, Script, ScriptOptions, Verbosity
from .pace import PACES, Pace, PaceName, choose_pace
from .phrasebook import Phrasebook

__all__ = [
    "BlockPlan",
    "as_built",
    "Chapter",
    "Cue",
    "CueKind",
    "ENGLISH",
    "PHRASEBOOKS",
    "ExercisePlan",
    "Measure",
    "PACES",
    "Pace",
    "PaceName",
    "Phrasebook",
    "ResolvedDose",
    "Script",
    "ScriptOptions",
    "build_script",
    "choose_pace",
    "Verbosity",
    "estimate_seconds",
    "find_phrasebook",
    "phrasebook_for",
    "number_words",
    "resolve",
]
