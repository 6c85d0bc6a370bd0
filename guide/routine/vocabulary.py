"""Every word list and pattern the article reader uses, in one place.

The reader's code asks questions of a line ("is it numbered?", "does it name a move?", "is it
commentary?"); the words those questions use live here, so a word added for one page is seen by
every reading and every stage (line features, readings, dose finishing, spoken names).

Sides are read by `infer.py` from words that PRESCRIBE them ("each side", "per leg", "switch legs",
"repeat on the other side"), never from words that DESCRIBE the movement ("drive each knee up",
"land on each leg", "both arms"): that rule lives with the side patterns in `infer.py`.
"""

from __future__ import annotations

import re

NUMBER_WORDS = (
    r"(?:step|exercise|ex|no\.?|number|move|stretch|drill|pose|min|minute|block|part|day|station|level|stage|rung)"
)
NUMBERING = re.compile(
    # "Step 1: ", "Min 1 — ", "Exercise 2 of 7: " (a position in a count is numbering too)
    rf"^(?:(?:{NUMBER_WORDS})\s*#?\d{{1,2}}(?:\s+of\s+\d{{1,3}})?\s*(?:[.):\-\u2013\u2014|]\s*|\s+)"
    r"|#\d{1,2}\s*[.):\-\u2013\u2014]?\s*"  # "#1 Knee Hugs"
    r"|(?:odd|even)\s+minutes?\s*[.):\-\u2013\u2014]\s*"  # "Odd minutes: Air Squats x 12" in an EMOM
    r"|\d{1,2}\s*[.)\]:]\s*(?=\S)"  # "1. Name", "1) Name"
    r"|\d{1,2}\s*[\-\u2013\u2014]\s+(?=[A-Za-z])"  # "1 - Name"
    r"|\d{1,2}(?=[A-Z][a-z])"  # "1Heel Raise": the number glued on by a copy from the browser
    r"|(?-i:[A-H][1-9]?[.)]\s+(?=[A-Z])))",  # "A. Goblet squat", "B2) Row": a gym programme's lettered list
    re.IGNORECASE,
)
# "1: lock the fingers ...": a number and a colon before words is a list item too (not "10: 30", a time)
BULLET = re.compile(
    r"^(?:[-*\u2022\u25cf\u25aa\u25e6\u2023\u2043\u2013\u2014+>\u2192\u21d2]|\d{1,2}[.)]|\d{1,2}:(?=\s+[A-Za-z]))\s+"
)
SEPARATOR = re.compile(r"\s+[\u2013\u2014-]+\s+|:\s+|\s*\(|,\s+|\s+(?=[x\u00d7]\s*\d)|\s+(?=\d+\s*[x\u00d7]\s*\d)")
LABEL = re.compile(r"^(?P<label>[A-Za-z][\w'’ /&-]{0,28}?)(?:\s*\([^)]{1,30}\))?\s*:\s*(?P<rest>.*)$")
# Sub-lines under an exercise: how to do it (spoken) and what it is for (not spoken).
SPOKEN_LABELS = re.compile(
    r"^(?:how(?: to(?: do it)?)?|instructions?|steps?|method|technique|tips?|cues?|coach(?:ing)? (?:tip|cue|note)s?|"
    r"notes?|form(?: tip| cue)?s?|make it (?:easier|harder)|easier|harder|progression|regression|modifications?|"
    r"breathe|breathing|focus|do|position|start(?:ing position)?|movement|action|avoid|caution|safety)$",
    re.IGNORECASE,
)
SILENT_LABELS = re.compile(
    r"^(?:muscles?(?: worked| used| targeted)?|works?|targets?|targeted|area|benefits?|why(?: [\w ]+)?|"
    r"equipment|kit|you(?:'ll)? need|level|difficulty|good for|great for|what it does|photo|image|video|"
    r"credit|source|category|type|goal|frequency|how\s+often|when)$",
    re.IGNORECASE,
)
DOSE_WORD = r"(?:reps?|repetitions?|sets?|hold|rest|repeat|rounds?|time|duration|work|tempo|dose)"
# "Reps: 10", and labels naming the dose's parts together: "Sets/reps: 3 x 10", "Sets & time: 3 x 30 s".
DOSE_LABELS = re.compile(
    rf"^{DOSE_WORD}(?:\s*(?:/|&|\+|\band\b|x)\s*{DOSE_WORD})*"
    r"(?:\s+(?:period|interval|time|between\s+(?:sets|rounds|reps)))?$"
    # labels that ask or name the amount: "How many: 3 x 12", "Prescription: 2 x 15", "Do: 10 each side"
    r"|^(?:how\s+(?:many|much|long|often)(?:\s+\w+)?|dose|dosage|prescription|volume|amount|quantity|do|target|"
    r"aim(?:\s+for)?|you(?:'ll)?\s+do|what\s+to\s+do)$",
    re.IGNORECASE,
)
NOISE = re.compile(
    r"^(?:skip to|jump to|advertisement|sponsored|ad\b|photo\b|image\b|\[image|\[photo|figure\s*\d+\s*(?:[:.\-\u2013\u2014]|$)|fig\.|credit|"
    r"(?:exercise\s+)?images?\s+(?:owned|courtesy|provided|from)\b|related\b|read more|read next|see also|share\b|print\b|follow us|tag us|"
    r"by\s+(?-i:[A-Z][\w.'-]*\s+[A-Z])|written by|reviewed by|updated\b|published\b|posted\b|last (?:updated|reviewed)|leaflet ref|"
    r"review date|comments?\b|reply\b|was this (?:page|article) (?:useful|helpful)|report a problem|cookie|"
    r"©|copyright|all rights reserved|call us|contact us|email us|phone\b|tel\b|book an appointment|"
    r"drop (?:us|your)\s+(?:a\s+)?(?:comments?|line|thoughts|email|questions?|message)|let us know|home\s*[>›»/]|menu\b|search\b|log ?in\b|reading time\b|\d+\s*min(?:ute)?s?\s+read(?:\b|(?=[A-Z])))",
    re.IGNORECASE,
)
PHONE = re.compile(r"\b\d{3,5}[\s-]?\d{3}[\s-]?\d{3,4}\b")
MOVING = re.compile(
    r"\b(?:jog|jogging|march|marching|run|running|jump|jumping|jacks?|skip|skipping|climbers?|knees|kicks|hops?|"
    r"shuffle|sprint|swing|swings|burpees?|skaters?|cycle|cycling|bike|biking|row|rowing|walk|walking|stepping|dance|punch|punches|"
    r"circles?|rolls?|traverse|traversing|feet|steps?|bounce|pendulum|swimming|crawl|shadow|flutter|scissors)\b",
    re.IGNORECASE,
)
STILL = re.compile(
    r"\b(?:stretch|pose|hold|plank|balance|stand|position|stay|sit|lie|lying|wall sit|bridge)\b", re.IGNORECASE
)
DEFAULT_SCOPE = re.compile(
    r"\b(?:each|every|all|any)\s+(?:of the\s+)?(?:\w+\s+){0,2}(?:stretch|stretches|pose|poses|exercise|exercises|"
    r"move|moves|movement|movements|drill|drills|position|positions|station|stations)\b|\bunless\b|\botherwise\b"
    r"|\bof each\b"
    # "Hold these for about 5 seconds each": said of the moves above, all of them
    r"|\b(?:hold|do|repeat|perform)\s+(?:all\s+(?:of\s+)?)?these\b",
    re.IGNORECASE,
)
# "Repeat 20 times" alone repeats one move; the routine goes round again only when the words are about the
# whole ("the circuit", "all the exercises", "the lot", "from the top") or say rounds.
WHOLE = (
    r"(?:circuit|workout|sequence|whole|routine|all|list|lot|everything|series|block|session|them|"
    r"from\s+the\s+top|(?:these|the|all)\s+(?:\w+\s+)?(?:exercises|moves|stretches|drills))"
)
N_TIMES = r"(?P<{0}>\d+)(?:\s*(?:-|to|or)\s*(?P<{0}hi>\d+))?\s*"
ROUTINE_ROUNDS = re.compile(
    rf"\b(?:repeat|do|complete|perform|go|run|work|cycle)\b[^.;]*?\b{WHOLE}\b[^.;]*?\b{N_TIMES.format('n')}times\b"
    rf"|\b(?:repeat|do|complete|perform|go|run|work)\b[^.;]*?\b{N_TIMES.format('n1')}rounds\b"
    r"|\bfor\s+(?P<n2>\d+)\s+rounds\b|\b(?P<n3>\d+)\s+rounds\s+(?:in\s+)?total\b"
    # "WARM-UP (2 rounds, easy pace)", "Circuit - 45 seconds each, 3 rounds": rounds said as a heading's note
    r"|(?:^|[(,:\u2013\u2014]\s*|\s-\s*|\.\s+)(?P<n4>\d+)\s+rounds\b(?!\s+of\b)"
    # "by the end of two full circuits", "3 complete circuits"
    r"|\b(?P<n5>\d+)\s+(?:full\s+|complete\s+|whole\s+)?circuits\b"
    # "Rest 30-60 seconds and repeat 1-2 more times" closing a list: a rest, then all of it again
    rf"|(?:^|[.;!])\W*rest\b[^.;]*?\b(?:and|then)\s+repeat\s+{N_TIMES.format('n6')}times\b",
)
ROUND_REST = re.compile(
    r"\brest(?:ing)?\s+(?:for\s+)?(?P<lo>\d+(?:\.\d+)?)\s*(?P<unit>seconds?|secs?|s|minutes?|mins?)\b"
    r"[^.;]*?\bbetween\s+(?:rounds|circuits|blocks|sets of the circuit)"
)
ON_OFF = re.compile(
    r"\b(?P<on>\d+)\s*(?:seconds?|secs?|s)\s+(?:on|work|of work)\b[^.;]*?\b(?P<off>\d+)\s*(?:seconds?|secs?|s)\s+"
    r"(?:of\s+)?(?:off|rest)\b"
)
# Words that name a part of a session, not a move: "WARM-UP (5 minutes)", "Main circuit", "Part 2: Finisher".
SECTION_NAME = re.compile(
    r"\b(?:warm[\s-]?up|cool[\s-]?down|main|circuit|finisher|workout|session|emom|tabata|amrap|intervals?|part|"
    r"block|phase|round|stage|section)\b",
    re.IGNORECASE,
)
# A heading that labels a part of a page of moves: "Stage 1", "Balance exercises", "Level 2".
SECTION_LABEL = re.compile(
    rf"{SECTION_NAME.pattern}|\b(?:exercises|stretches|moves|level|week)\b|\d\s*$", re.IGNORECASE
)
EMOM = re.compile(r"\bevery\s+(?:1\s+)?minute\s+on\s+the\s+minute\b|\bemom\b")


COMMENTS_HEADING = re.compile(
    r"^#*\s*(?:\d+\s+|reader\s+|readers'?\s+)?(?:comments?|responses?|replies|reviews)\s*(?:\(\d+\))?\s*:?$"
    r"|^#*\s*(?:leave|post|add|write)\s+a\s+(?:reply|comment|response)\b|^#*\s*reply\s*$"
    r"|^#*\s*(?:join|start)\s+the\s+(?:discussion|conversation)\b"
    # a block of links to other pages ends the article as comments do
    r"|^#*\s*(?:you\s+(?:may|might)\s+also\s+(?:like|enjoy)|related\s+(?:posts|articles|reading)|more\s+like\s+this"
    r"|recommended\s+for\s+you|read\s+(?:these|this)\s+next)\s*:?$",
    re.IGNORECASE,
)
MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
DAY_MONTH = rf"\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH}(?:,?\s+\d{{4}})?"
MONTH_DAY = rf"{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?"
DATE = rf"(?:{DAY_MONTH}|{MONTH_DAY}|\d{{1,2}}/\d{{1,2}}/\d{{2,4}})"
# "Sarah K. · 3 February 2024 at 7:02 am", "Mike on March 3, 2024 said:": a comment's byline, the whole line.
COMMENTER = re.compile(
    rf"^[A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*){{0,2}}\s*(?:[\u00b7|,\u2013\u2014-]|\bon\b)\s*{DATE}"
    r"(?:\s*(?:at\s+)?\d{1,2}[:.]\d{2}\s*(?:am|pm)?)?\s*(?:says|said|wrote)?\s*:?\s*$",
    re.IGNORECASE,
)

BYLINE = re.compile(r"^(?:by|written by|posted by|reviewed by|words by)\s+[A-Z]", re.IGNORECASE)

PER_MOVE_TIME = re.compile(r"(?<![\w.])(\d+)\s*(seconds?|secs?|s|minutes?|mins?)\b(?!\s*(?:off|rest|recovery|break)\b)")
PER_MOVE_REPS = re.compile(r"(?<![\w.])(\d+)\s*(?:reps?|repetitions?)\b")

DRILL = re.compile(
    r"^(?P<name>[A-Z][^.,:;()\u2013\u2014\u00d7]*?)"
    r"(?:\s*[:.,;]\s+|\s+[\u2013\u2014-]+\s+|\s+(?=[x\u00d7]\s*\d)|\s+(?=\d+\s*[x\u00d7]\s*\d))(?P<rest>.+)$"
)

COUNT_FIRST = re.compile(
    # "15/12 Echo bike calories" (a count for men, then women), "5/5 lunges" (five a side)
    r"^(?:(?P<split>\d+)\s*/\s*(?P<split2>\d+)|"
    r"(?P<count>(?:\d+(?:\s*(?:-|to)\s*\d+)?|\d{0,2}:[0-5]\d)(?:\s*(?:seconds?|secs?|s|minutes?|mins?)\b)?))"
    r"(?:\s*\((?P<per>\d+)\s*/\s*(?P<limb>side|leg|arm)\))?"
    r"\s+(?P<name>[A-Za-z][\w'&/ -]*?)(?:\s*\([^)]*\))?$",
    re.IGNORECASE,
)

CELLS = re.compile(r"[^|:]+:\s*[^|]+(?:\|\s*[^|:]+:\s*[^|]+)+")  # "Hold: 20 s | How many: 2 times"

MENU_WORDS = frozenset(
    [
        "home",
        "blog",
        "about",
        "contact",
        "shop",
        "store",
        "news",
        "services",
        "plans",
        "pricing",
        "faq",
        "faqs",
        "login",
        "subscribe",
        "events",
        "podcast",
        "resources",
        "team",
        "courses",
        "classes",
        "membership",
        "races",
        "coaching",
        "programs",
        "programmes",
        "recipes",
        "community",
        "support",
        "account",
        "cart",
        "gallery",
    ]
)
MIN_MENU_WORDS = 4

DOSE_WORDS = frozenset(
    [
        "reps",
        "rep",
        "repetitions",
        "left",
        "right",
        "repetition",
        "sets",
        "set",
        "rounds",
        "round",
        "times",
        "time",
        "seconds",
        "second",
        "secs",
        "sec",
        "s",
        "minutes",
        "minute",
        "mins",
        "min",
        "breaths",
        "breath",
        "slow",
        "deep",
        "each",
        "per",
        "side",
        "sides",
        "leg",
        "legs",
        "arm",
        "arms",
        "foot",
        "feet",
        "on",
        "of",
        "and",
        "the",
        "a",
        "to",
        "or",
        "x",
        "hold",
        "holds",
        "rest",
        "between",
        "then",
        "do",
        "for",
        "each",
        "way",
        "direction",
        "total",
        "with",
        "up",
        "about",
        "approximately",
        "approx",
        "around",
        "at",
        "least",
        "repeat",
        "work",
        "duration",
        "tempo",
        "per",
        "alternating",
        "alternate",
        "both",
        "every",
    ]
)

QUESTION = re.compile(
    r"^(?:how|why|when|what|where|which|who|should|can|could|do|does|is|are|will)\b.*\?$"
    r"|^(?:how\s+(?:to|do|does|often|long|many|much)|why|when|what|where|which|before\s+you|after\s+you|"
    r"tips?\b|faqs?\b|frequently\s+asked)\b",
    re.IGNORECASE,
)
SECTION_ONLY = re.compile(
    r"^(?:the\s+|your\s+)?(?:(?:warm[\s-]?up|cool[\s-]?down|main|circuit|finisher|workout|session|intervals?|part|"
    r"block|phase|round|stage|section|level|week|exercises|stretches|moves|group|training|wod)\s*)+"
    r"(?:\d{1,2}|[ivx]+)?\s*(?:\([^)]*\))?$",
    re.IGNORECASE,
)

TIMES_MARK = re.compile(r"(?<=[a-z)])\s*[x\u00d7]\s*(?P<n>\d{1,2})\s*$|\((?P<m>\d{1,2})\s*[x\u00d7]\)\s*$", re.I)


# ---------------------------------------------------------------- line features and readings

# Words that name a move, a position or the body part a stretch is for: how exercise-like a name is.
EXERCISE_WORDS = re.compile(
    r"\b(?:squats?|lunges?|stretch(?:es)?|planks?|bridg(?:e|es|ing)|raises?|press(?:es)?|push[\s-]?ups?|pushups?|"
    r"press[\s-]?ups?|pull[\s-]?ups?|chin[\s-]?ups?|rows?|rowing|curls?|crunch(?:es)?|sit[\s-]?ups?|burpees?|jumps?|"
    r"jacks?|skips?|jog(?:ging)?|run(?:ning)?|walk(?:ing)?|march(?:ing)?|swings?|deadlifts?|cleans?|jerks?|snatch(?:es)?|"
    r"thrusters?|kicks?|circles?|rolls?|twists?|rotations?|holds?|poses?|dips?|step[\s-]?ups?|steps?|hops?|bounds?|"
    r"climbers?|tucks?|extensions?|flexion|abduction|adduction|pumps?|squeezes?|tilts?|slides?|reach(?:es)?|folds?|"
    r"balance|breath(?:ing|s)?|dog|cobra|cat|cow|child'?s|pigeon|warrior|lifts?|shrugs?|fl(?:y|ies|yes)|pulls?|"
    r"carr(?:y|ies)|crawls?|bikes?|bicycles?|cycl(?:e|ing)|swim(?:ming)?|sprints?|strides?|drills?|knees?|heels?|toes?|calf|calves|"
    r"hamstrings?|quads?|quadriceps|glutes?|gluteus|hips?|shoulders?|neck|ankles?|wrists?|core|bear|superman|"
    r"inchworms?|mountain|flutter|scissors?|v[\s-]?ups?|hollow|wall\s+sit|carioca|sumos?|flicks?|snow\s+angels?|"
    r"clamshells?|clams?|shuffles?|punch(?:es)?|skaters?|wipers?|salutations?|triangle|lotus|angels?|tabletop|"
    r"band|kettlebell|dumbbell|barbell|box|wall\s+balls?|handstand|muscle[\s-]?ups?|toes[\s-]to[\s-]bar|double[\s-]unders?|"
    r"thoracic|spine|spinal|pelvic|flexors?|adductors?|abductors?|triceps|biceps|chest|back|arms?|legs?|feet|foot)\b",
    re.IGNORECASE,
)
# What a page says about itself, its readers or its scores: never an exercise, never spoken.
COMMENTARY = re.compile(
    r"^(?:about\b|score|scoring|scaled?|rx\+?|result|results|notes?|post\b|posted|comments?|share|today|yesterday|tomorrow|"
    r"how'?d\s+you\s+do|what\s+to\s+expect|reasons?|benefits?|why\b|who\b|when\b|where\b|equipment|"
    r"weights?|men\b|women\b|male\b|female\b|ladies|guys|coach'?s?\s+notes?|stimulus|strategy|goal|intent|"
    r"well\s+done|congrat|thanks?\b|thank\s+you|happy\s+(?:training|running|stretching|lifting|new)|great\s+job|welcome|click|subscribe|sign\s+up|book|"
    r"also\s+read|read\s+more|related|source|references?|disclaimer|(?:mon|tues|wednes|thurs|fri|satur|sun)day\b)",
    re.IGNORECASE,
)
# A dose written anywhere in a line, found by pattern alone (no inference): "3 sets", "10 reps", "30 s",
# "x10", "2 x 400m", "hold for 20", "Repeat 3-5 times".
DOSE_EXPRESSION = re.compile(
    r"(?<![\w.])\d+(?:\s*(?:-|\u2013|to|or)\s*\d+)?\s*(?:x|\u00d7)\s*\d+(?:\.\d+)?\s*(?:m|km|s|secs?|reps?)?\b"
    r"|(?<![\w.])(?:x|\u00d7)\s*\d+\b"
    r"|\(\s*x\s*\d+\s*\)"
    r"|(?<![\w.])\d+(?:\s*(?:-|\u2013|to|or)\s*\d+)?(?:\s*|-)(?:reps?|repetitions?|sets?|rounds?|times|breaths?|counts?|cycles?|"
    r"seconds?|secs?|s|minutes?|mins?|cals?|calories|m|metres?|meters?|yards?|steps)\b"
    r"|(?<![\w.])\d+\s+(?:each|per|a)\s+(?:side|leg|arm|way|direction)\b"
    r"|\b(?:hold|repeat|rest)\b[^.;]{0,30}?\d"
    r"|\b(?:sets?|reps?|repetitions?|rounds?)\s*:\s*\d"
    r"|(?<![\w:])\d{0,2}:[0-5]\d\b",
    re.IGNORECASE,
)
# A line that starts with a code or letter of a gym's programme: "A1 –", "B)", "A.", "C2:".
PROGRAMME_CODE = re.compile(r"^(?-i:[A-H])[1-9]?\s*[.):\u2013\u2014-]\s+")
# Rounds said as a line of their own above a list: "4 Rounds", "3 rounds, not for time of:", "Repeat three times."
ROUNDS_LINE = re.compile(
    r"^(?:(?P<n>\d+)\s+rounds?\b(?![^.]*\b(?:reps?|repetitions?)\b)[^.]*|repeat\s+(?:the\s+)?(?:circuit|above|whole\s+thing|all|list)\s+(?P<m>\d+)\s+"
    r"(?:times|rounds)\b[^.]*|(?:for\s+)?(?P<k>\d+)\s+(?:circuits|sets)(?:\s+of)?\s*:)[.:]?$",
    re.IGNORECASE,
)
# A step that only ends one exercise's instructions with its dose: "Hold for 20-30 seconds", "Repeat 3-5 times".
DOSE_SENTENCE = re.compile(
    r"^(?:hold|repeat|do(?:\s+this)?|perform|complete|rest|relax|keep\s+going|continue)\b", re.IGNORECASE
)
# What a move does for you, not a move: "Improve posture", "Reduce back pain", "Better sleep", "Less stress"
BENEFIT = re.compile(
    r"^(?:improves?|reduces?|eases?|increases?|widens?|speeds?|boosts?|builds?|strengthens?|prevents?|relieves?|"
    r"lowers?|helps?|supports?|protects?|enhances?|promotes?|decreases?|restores?|maintains?|develops?|"
    r"better|less|more|greater|fewer|improved|reduced|increased)\b",
    re.IGNORECASE,
)
CATEGORY = re.compile(r"\b(?:exercises|stretches|workouts?|routines?|drills|moves)\b", re.IGNORECASE)

# Verbs that start a step of an exercise and never a move's name: "Find a neutral spine", "Keep moving slowly"
# ("Lunge with a twist", "Pull Back Toes" start with a verb and name a move).
STEP_VERB = re.compile(
    r"^(?:find|keep|make|let|try|take|use|get|look|allow|imagine|focus|remember|breathe|relax|place|put|bring|"
    r"finish|start|begin|continue|go|come|return|feel|notice|think|aim|avoid|repeat|stay|sit|stand|lie)\b",
    re.IGNORECASE,
)

# A line wholly in bold ("**Isometric Exercise:**", "__1. Cobra pose__") is how a web page marks a heading.
BOLD_LINE = re.compile(r"^(?:[-*+]\s+)?(?:\*\*|__)(?=\S)(?:(?!\*\*|__).)+(?<=\S)(?:\*\*|__)\s*:?$")

# How inline lists are glued into one line by a page capture: " • " bullets, "1. … 2. … 3." numbers.
INLINE_BULLET = re.compile(r"\s+[\u2022\u25cf\u25aa]\s+")
INLINE_NUMBER = re.compile(r"(?<=[.)a-z])\s+(?=(?:[2-9]|1[0-9])\.\s+[A-Z])")

# Words a page capture glues together ("up tofive", "30 secondsand", "untilyou", "yourleft"): a token made of
# two of these, neither of them alone, is split before anything reads or speaks it.
_GLUE_WORDS = (
    "to and the you your until with for of in on then each per before after while or a an at "
    "seconds second minutes minute reps rep times sets set breaths left right other "
    "one two three four five six seven eight nine ten twenty thirty "
    "leg legs foot feet knee knees arm arms hand hands hip hips glutes heel heels toes back side sides"
)
GLUE_PARTS = frozenset(re.findall(r"\w+", _GLUE_WORDS))
GLUED_REAL_WORDS = frozenset(
    re.findall(
        r"\w+",
        "into onto within upon inset onset another anyone toes seconds backside backsides inside aside often afoot aback atop handset",
    )
)

# A move named as done on one limb (a PRESCRIPTION to do each side in turn, as "each side" is):
# "Single-leg deadlift", "One-arm row", "Pistol squat" (a one-leg stand or balance is one position).
ONE_LIMB_NAME = re.compile(
    r"\b(?:single|one)[\s-]+(?:leg(?:ged)?|arm(?:ed)?|sided)\b(?!\s+(?:stand|stance|balance))|"
    r"\bpistols?\b"
)

# Names that are never a move, whatever reading found them: a rest, a score, a date, a bare number.
NOT_A_MOVE = re.compile(
    # "Static recovery between sets", "2 minute passive rest after each round": a rest, however it is qualified
    r"^(?:(?:[\w-]+\s+){1,3}(?:rest|recovery)\s+(?:between|after)\b.*"
    r"|(?:static|passive|standing|easy|complete|full|walking|jogging)\s+(?:rest|recovery)\b.*|"
    rf"(?:active\s+)?(?:rest|recovery|recover|break|transition)"
    r"(?:\s+(?:period|interval|time|break)|\s+(?:for|between|after|and|then|\d)\b.*|\s*[:\u2013\u2014-].*)?"
    rf"|score\b.*|time\s*cap\b.*|{MONTH}\s+\d{{1,2}}\b.*|\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH}.*|{MONTH}\s+\d{{4}}"
    r"|(?:weeks?|days?|months?|sessions?)\s*\d.*|[\W\d_]*"
    # labels of a page's facts, and one breath's parts: "Steps", "Pattern", "Breath rate", "Inhale", "Hold"
    r"|steps?|pattern|technique(?:\s+details)?|breath(?:ing)?\s+rate|inhale|exhale|hold|recommended|safety(?:\s+note)?"
    r"|instructions|how\s+to\s+(?:practi[cs]e|do\s+it)|notes?|additional\s+notes|when\s+to\s+stop"
    # the parts of a page or of one exercise's description
    r"|introduction|overview|summary|conclusion|background|references|name|set[\s-]?up|starting\s+position|movement"
    r"|modifications?|progressions?|regressions?|variations?|precautions?|tips?"
    r"|(?:breath(?:ing)?\s+)?cues?|form\s+cues?"
    # how long a whole session takes: "Mobility Exercises Time required: 20 minutes", "Total time: 30 min"
    r"|.*\btime\s+required\b.*|total\s+time\b.*"
    # how fast each part of a piece goes: "25 fast/25 easy"
    r"|(?:\d+\s*)?(?:fast|easy|hard|slow|moderate|steady)(?:\s*/\s*(?:\d+\s*)?(?:fast|easy|hard|slow|moderate|steady))+)$",
    re.IGNORECASE,
)

# An image's caption or file name standing as a line: "Rotating Header Image", "Ash Face.jpeg".
CAPTION = re.compile(r"^(?:\S+\s+){0,4}(?:header\s+)?image$|\.(?:jpe?g|png|gif|webp)\s*$", re.IGNORECASE)

# Sentences that are commentary, not instructions: never spoken, wherever they stand.
UNSPOKEN = re.compile(
    r"^(?:also\s+read|read\s+more|see\s+also|related|advertisement|sponsored|photo|image|credit|source|video|"
    r"watch\b|click|tap\s+here|subscribe|sign\s+up|share|score\b|scoring|scaled?\b|rx\b|men\b|women\b|"
    r"ladies\b|guys\b|post\s+(?:your\s+)?(?:loads?|results?|times?|scores?|weights?)|log\s+(?:your\s+)?"
    r"(?:score|time|result)|how'?d\s+(?:you|it)\s+go|good\s+luck|have\s+fun|enjoy\b|happy\s+(?:training|running))"
    r"|\b(?:click\s+here|for\s+(?:a|the)\s+video|post\s+(?:loads?|results?|scores?)\s+to\s+comments)\b",
    re.IGNORECASE,
)

# A heading that only numbers a step of the move above it: "Step 1", "Step 2:".
STEP_ONLY = re.compile(r"^(?:step|phase)\s*\d{1,2}\s*[:.]?$", re.IGNORECASE)

# Words that say a position is held still, wherever they stand ("stretch", "feel the pull", "relax into").
STILL_WORDS = re.compile(
    r"\b(?:stretch(?:es|ing)?|pose|asana|hold|holding|still|relax|release|feel\s+(?:a|the)\s+(?:stretch|pull)|"
    r"lengthen|breathe\s+into|position|squeeze|contract|tense|isometric|static|hang(?!\s+(?:power|clean|snatch)))\b",
    re.IGNORECASE,
)

# A change of side just before "and repeat" says the repeat is on the other side.
SIDE_CHANGE = re.compile(
    r"\b(?:swap|switch|change|alternate)\s+(?:feet|legs|sides|arms|hands|over)\b|\bother\s+(?:side|leg|foot|arm|hand)\b",
    re.IGNORECASE,
)

# A warm-up or cool-down: a part of a session, or (given a time of its own) a piece of it to do.
WARM_OR_COOL = re.compile(r"\b(?:warm[\s-]?up|cool[\s-]?down)\b", re.IGNORECASE)

# The page speaking for itself, its writer or its business: "our resorts", "I use", "we set out".
PUBLISHER_VOICE = re.compile(r"\b(?:I|I'm|I've|I'd|my|we|we're|we've|we'll|our|us)\b")

# "Rest 1 Min" on a line of its own; in a section that repeats, the rest between its rounds.
REST_LINE = re.compile(r"^rest\s+(?:for\s+)?\d+(?:\.\d+)?\s*(?:seconds?|secs?|s|minutes?|mins?)\b\.?$", re.IGNORECASE)
REST_SENTENCE = re.compile(
    r"(?:^|[.;]\s*)rest\s+(?:for\s+)?(?P<lo>\d+(?:\.\d+)?)\s*(?P<unit>seconds?|secs?|s|minutes?|mins?)\b\.?\s*(?:$|[.;])"
)

# A distance: "100m Sprint", "400 m row", "2 km". A piece of a distance is a move, timed as it takes.
DISTANCE = re.compile(r"(?<![\w.])\d+(?:\.\d+)?\s*(?:m|km|metres?|meters?|yards?|yds?|miles?)\b", re.IGNORECASE)
