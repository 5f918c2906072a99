"""Recognise strings that look like a person's name.

Category labels ("Colon Cancer", "High School", "Never Married", "Sierra
Leone", "Olive Green") have the shape of names, two or three capitalised
words, so the shape alone accuses every vocabulary. A string is taken for a
person's name only when, besides the shape:

- it starts with a known given name (``Maria Garcia``), or with a family name
  followed by a given name (``Nguyen Van An``), or is written ``Family,
  Given`` (``Smith, John``), or has a title (``Dr.``, ``Mrs.``);
- none of its words is a word of places and institutions (``City``,
  ``Island``, ``County``, ``Saint``, ``Hospital``, ``School`` ...) or of
  medical and survey categories (``Cancer``, ``Disease``, ``Care``, ``Plan``
  ...), and it is not a country name;
- when the given name is also an ordinary word (``Rose``, ``Olive``, ``Will``,
  ``Summer``, ``North``), the last word is a known family name that is not one
  (``Will Smith``, not ``Rose Gold`` or ``Olive Green``).

The given and family names are those of :mod:`modelprivacy.inspection._name_lexicon`
(about 20,000 of each, from many languages). Accents, hyphens, apostrophes,
middle initials and particles (``van der``, ``de la``, ``bin``) are handled.
"""

from __future__ import annotations

import functools
import re
import unicodedata

__all__ = ["fold", "looks_like_person_name"]

_FOLD = str.maketrans(
    {
        "\u0131": "i",  # dotless i
        "\u00f8": "o",
        "\u0111": "d",
        "\u00f0": "d",
        "\u00fe": "th",
        "\u00e6": "ae",
        "\u0153": "oe",
        "\u00df": "ss",
        "\u0142": "l",
        "\u0259": "e",  # schwa
        "\u0127": "h",
    }
)


def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


TITLES = frozenset({"dr", "mr", "mrs", "ms", "miss", "mx", "prof", "sir", "dame", "rev", "mme"})
SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv", "phd", "md"})
PARTICLES = frozenset(
    {
        "van",
        "von",
        "de",
        "der",
        "den",
        "del",
        "della",
        "di",
        "da",
        "das",
        "dos",
        "du",
        "la",
        "le",
        "ter",
        "ten",
        "bin",
        "binti",
        "ibn",
        "al",
        "y",
        "zu",
        "af",
        "ni",
        "nic",
        "mac",
    }
)

# Words of places, institutions and categories: never a word of a person's name.
CATEGORY_WORDS = _wordset(
    """
    city county state states province district region republic kingdom island islands isle
    beach springs lake falls valley bay harbour harbor port fort mount mountain river coast
    saint st san santa sao street road avenue square hills heights village town center centre
    north-east south-east hospital clinic university college school academy institute church
    company group department unit ward office agency services service council ministry
    cancer disease disorder syndrome failure injury infection fracture care plan insurance
    member class degree graduate married single widowed divorced separated smoker drinker
    type stage grade level income sector time employed worker workers manager clerk driver
    agent support blue red gold silver pink orange purple yellow navy
    """
)

# Given names that are ordinary English words: only with a family name that is not one.
WORD_NAMES = _wordset(
    """
    rose olive ruby jade amber pearl coral ivy lily violet hazel daisy iris holly heather
    jasmine crystal dawn summer autumn winter spring sky star river ocean storm rain hope
    faith grace joy glory honor honour patience prudence charity mercy may june april august
    will bill art mark sue pat rusty sandy red doctor lawyer colon north south east west king
    young baker hill park major royal chance honey ginger sunny cherry candy melody harmony
    destiny precious unique justice miracle angel baby sugar cash rich guy ray gene don frank
    earnest bob jack sterling victor victoria virginia georgia carolina dakota florida montana
    nevada indiana louisiana alabama washington york jersey india china cuba france ireland
    columbia jordan israel kenya chad sierra salvador marino paris london berlin florence
    austin dallas houston phoenix denver boston madison lincoln jackson carson jefferson
    charlotte savannah aurora sydney brooklyn chelsea camden essex kent devon lorraine
    normandy burgundy poppy saffron sage basil clementine rosemary marigold primrose green
    white black brown gray grey forest ivory jet general little roman urban rural rio el
    grand noble golden diamond prince princess duke earl baron marshal bishop judge mason
    hunter archer fisher porter cook miller carter cooper taylor
    """
)

# Given names so common that being also a word ("john", "mark") does not make them one.
COMMON_GIVEN = _wordset(
    """
    john mark will bill bob jack frank ray don guy gene sue pat joe jim tom ben harry jerry
    sally peter billy bobby victor nick rob sam dan al
    """
)

COUNTRY_NAMES = frozenset(
    {
        "sierra leone",
        "costa rica",
        "puerto rico",
        "el salvador",
        "sri lanka",
        "burkina faso",
        "cabo verde",
        "cape verde",
        "guinea bissau",
        "timor leste",
        "san marino",
        "saint lucia",
        "saint kitts",
        "sao tome",
        "hong kong",
        "new zealand",
        "papua new guinea",
        "south africa",
        "north korea",
        "south korea",
        "saudi arabia",
    }
)

_LETTERS = r"[^\W\d_]"
_NAME_TOKEN = re.compile(rf"^{_LETTERS}+(?:['\u2019-]{_LETTERS}+)*$")
_INITIAL = re.compile(rf"^{_LETTERS}\.?$")


def fold(text: str) -> str:
    """Lower-case ASCII form of a name: ``"Müller"`` -> ``"muller"``.

    Parameters
    ----------
    text : str
        A word.

    Returns
    -------
    str
        The folded word, as the lexicon stores names.
    """
    t = text.casefold().translate(_FOLD)
    t = unicodedata.normalize("NFKD", t)
    return "".join(ch for ch in t if not unicodedata.combining(ch))


@functools.lru_cache(maxsize=1)
def _lexicon() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    from modelprivacy.inspection._name_lexicon import FAMILY, GIVEN, WORDS

    wordy = (frozenset(WORDS.split()) | WORD_NAMES) - COMMON_GIVEN
    return frozenset(GIVEN.split()), frozenset(FAMILY.split()), wordy


def _name_token(token: str) -> bool:
    """A capitalised word with lower-case letters: ``Garcia``, ``O'Brien``, ``Jean-Luc``."""
    if not _NAME_TOKEN.match(token) or not token[0].isupper():
        return False
    parts = re.split(r"['\u2019-]", token)
    return all(p[:1].isupper() or len(p) <= 3 for p in parts) and any(ch.islower() for ch in token)


def _words(token: str) -> list[str]:
    return [fold(p) for p in re.split(r"['\u2019-]", token) if p]


def looks_like_person_name(text: str) -> bool:
    """Whether ``text`` looks like a person's name (see the module docstring).

    Parameters
    ----------
    text : str
        A stored string.

    Returns
    -------
    bool
        True for ``"Maria Garcia"``, ``"Smith, John"``, ``"Dr. Jane Doe"``;
        False for ``"Colon Cancer"``, ``"Never Married"``, ``"Sierra Leone"``.
    """
    s = " ".join(text.split())
    if not 3 <= len(s) <= 80:
        return False
    if s.isupper():
        s = s.title()  # "JOHN SMITH"
    comma = s.count(",")
    if comma > 1:
        return False
    reordered = False
    if comma == 1:
        family, given = (p.strip() for p in s.split(","))
        if not family or not given:
            return False
        s = f"{given} {family}"
        reordered = True
    tokens = s.split(" ")
    titled = False
    if tokens and tokens[0].rstrip(".").casefold() in TITLES and len(tokens) > 1:
        tokens = tokens[1:]
        titled = True
    while tokens and tokens[-1].rstrip(".").casefold() in SUFFIXES and len(tokens) > 2:
        tokens = tokens[:-1]
    names: list[str] = []
    for tok in tokens:
        if tok.casefold() in PARTICLES and tok[:1].islower():
            continue
        if _INITIAL.match(tok) and tok[0].isupper():
            continue
        if not _name_token(tok):
            return False
        names.append(tok)
    if not names or len(names) > 4 or (len(names) < 2 and not titled):
        return False
    folded = [w for tok in names for w in _words(tok)]
    if any(w in CATEGORY_WORDS for w in folded):
        return False
    if " ".join(fold(t) for t in tokens) in COUNTRY_NAMES:
        return False
    given_names, family_names, wordy = _lexicon()
    first = _words(names[0])
    last = _words(names[-1])
    if titled:
        return True
    if len(names) >= 2 and any(w in wordy and w not in family_names for w in last):
        return False  # the last word is an ordinary word that no one has as family name
    if all(w in given_names for w in first):
        if any(w in wordy for w in first):
            # "Rose Gold", "Olive Green", "Black Forest": the given name is also a word
            return all(w in family_names and w not in wordy for w in last)
        return True
    if reordered or len(names) < 2:
        return False
    second = _words(names[1])
    # family name first, as in Vietnamese, Chinese, Korean and Hungarian usage
    if any(w in wordy for w in first) and any(w in wordy for w in second):
        return False  # "Grey Wolf", "Car Loan": two ordinary words
    return all(w in family_names for w in first) and all(w in given_names for w in second)
