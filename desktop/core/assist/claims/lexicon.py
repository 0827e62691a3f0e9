"""Words the claim reader knows, in English, Russian and Ukrainian (lower case, "'" apostrophe).

Slavic words are matched by stem (a prefix of the lower-cased word) because they inflect;
English words are matched whole. Keep each list to words a news text really uses.
"""

from __future__ import annotations

# value, multiplies: "hundred" multiplies what precedes it, "тысяча" closes a group.
NUMBER_WORDS: dict[str, tuple[float, bool]] = {}


def _add(value: float, *forms: str, multiplies: bool = False) -> None:
    for form in forms:
        NUMBER_WORDS[form] = (value, multiplies)


def _slavic(value: float, *forms: str) -> None:
    """Add ``forms`` and, for those ending in a soft sign, the genitive in -и."""
    for form in forms:
        _add(value, form)
        if form.endswith("ь"):
            _add(value, form[:-1] + "и")


_EN = [
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
for _value, _word in enumerate(_EN):
    _add(_value, _word)
for _value, _word in zip(
    range(20, 100, 10),
    ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"],
    strict=True,
):
    _add(_value, _word)
_add(1, "a", "an")
_add(100, "hundred", multiplies=True)
_add(12, "dozen", multiplies=True)
_add(1000, "thousand", multiplies=True)
_add(1e6, "million", multiplies=True)
_add(1e9, "billion", multiplies=True)

# Russian
_slavic(1, "один", "одна", "одно", "одного", "одной", "одному", "одним")
_slavic(2, "два", "две", "двух", "двум", "двумя")
_slavic(3, "три", "трех", "трем", "тремя")
_slavic(4, "четыре", "четырех", "четырем", "четырьмя")
for _value, _word in enumerate(
    [
        "пять",
        "шесть",
        "семь",
        "восемь",
        "девять",
        "десять",
        "одиннадцать",
        "двенадцать",
        "тринадцать",
        "четырнадцать",
        "пятнадцать",
        "шестнадцать",
        "семнадцать",
        "восемнадцать",
        "девятнадцать",
    ],
    start=5,
):
    _slavic(_value, _word)
_slavic(8, "восьми")
_slavic(20, "двадцать")
_slavic(30, "тридцать")
_slavic(40, "сорок", "сорока")
_slavic(50, "пятьдесят", "пятидесяти")
_slavic(60, "шестьдесят", "шестидесяти")
_slavic(70, "семьдесят", "семидесяти")
_slavic(80, "восемьдесят", "восьмидесяти")
_slavic(90, "девяносто", "девяноста")
_slavic(100, "сто", "ста")
_slavic(200, "двести", "двухсот")
_slavic(300, "триста", "трехсот")
_slavic(400, "четыреста", "четырехсот")
_slavic(500, "пятьсот", "пятисот")
_slavic(600, "шестьсот", "шестисот")
_slavic(700, "семьсот", "семисот")
_slavic(800, "восемьсот", "восьмисот")
_slavic(900, "девятьсот", "девятисот")
# Collective numerals ("двое детей", "семеро людей").
_add(2, "двое", "двоих", "двоє")
_add(3, "трое", "троих", "троє")
_add(4, "четверо", "четверых")
_add(5, "пятеро", "пятерых", "п'ятеро")
_add(6, "шестеро", "шестерых")
_add(7, "семеро", "семерых")
_add(1000, "тысяча", "тысячи", "тысяч", "тысячу", multiplies=True)
_add(1e6, "миллион", "миллиона", "миллионов", multiplies=True)
_add(1e9, "миллиард", "миллиарда", "миллиардов", multiplies=True)

# Ukrainian
_slavic(1, "одна", "одне", "однієї", "одного")
_slavic(2, "два", "дві", "двох")
_slavic(3, "три", "трьох")
_slavic(4, "чотири", "чотирьох")
for _value, _word in enumerate(
    [
        "п'ять",
        "шість",
        "сім",
        "вісім",
        "дев'ять",
        "десять",
        "одинадцять",
        "дванадцять",
        "тринадцять",
        "чотирнадцять",
        "п'ятнадцять",
        "шістнадцять",
        "сімнадцять",
        "вісімнадцять",
        "дев'ятнадцять",
    ],
    start=5,
):
    _slavic(_value, _word)
_slavic(6, "шести")
_slavic(7, "семи")
_slavic(8, "восьми")
_slavic(20, "двадцять")
_slavic(30, "тридцять")
_slavic(40, "сорок", "сорока")
_slavic(50, "п'ятдесят", "п'ятдесяти")
_slavic(60, "шістдесят", "шістдесяти")
_slavic(70, "сімдесят", "сімдесяти")
_slavic(80, "вісімдесят", "вісімдесяти")
_slavic(90, "дев'яносто")
_slavic(200, "двісті", "двохсот")
_slavic(300, "триста", "трьохсот")
_slavic(400, "чотириста")
_slavic(500, "п'ятсот")
_slavic(600, "шістсот")
_slavic(700, "сімсот")
_slavic(800, "вісімсот")
_slavic(900, "дев'ятсот")
_add(1000, "тисяча", "тисячі", "тисяч", "тисячу", multiplies=True)
_add(1e6, "мільйон", "мільйона", "мільйони", "мільйонів", multiplies=True)
_add(1e9, "мільярд", "мільярда", "мільярди", "мільярдів", multiplies=True)

SCALES: dict[str, float] = {
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "millions": 1e6,
    "mln": 1e6,
    "m": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "тыс": 1e3,
    "тысяча": 1e3,
    "тысячи": 1e3,
    "тысяч": 1e3,
    "млн": 1e6,
    "миллион": 1e6,
    "миллиона": 1e6,
    "миллионов": 1e6,
    "млрд": 1e9,
    "миллиарда": 1e9,
    "миллиардов": 1e9,
    "тисяча": 1e3,
    "тисячі": 1e3,
    "тисяч": 1e3,
    "мільйон": 1e6,
    "мільйона": 1e6,
    "мільйони": 1e6,
    "мільйонів": 1e6,
    "мільярда": 1e9,
    "мільярдів": 1e9,
}

# Vague quantities: never turned into a number.
VAGUE = frozenset(
    [
        "hundreds",
        "thousands",
        "millions",
        "dozens",
        "scores",
        "tens",
        "сотни",
        "сотен",
        "сотнями",
        "тысячи",
        "тысяч",
        "тысячами",
        "десятки",
        "десятков",
        "миллионы",
        "миллионов",
        "сотні",
        "сотень",
        "тисячі",
        "тисяч",
        "десятки",
        "десятків",
        "мільйони",
        "мільйонів",
    ]
)

# Hedges as token sequences (lower case) -> ClaimRecord.hedge; longest first when matched.
HEDGES: dict[tuple[str, ...], str] = {}
for _phrase, _hedge in (
    ("at least", "at-least"),
    ("no fewer than", "at-least"),
    ("no less than", "at-least"),
    ("not less than", "at-least"),
    ("more than", "at-least"),
    ("over", "at-least"),
    ("upwards of", "at-least"),
    ("in excess of", "at-least"),
    ("up to", "at-most"),
    ("at most", "at-most"),
    ("no more than", "at-most"),
    ("fewer than", "at-most"),
    ("less than", "at-most"),
    ("about", "about"),
    ("around", "about"),
    ("approximately", "about"),
    ("roughly", "about"),
    ("nearly", "about"),
    ("almost", "about"),
    ("some", "about"),
    ("an estimated", "about"),
    ("estimated", "about"),
    ("close to", "about"),
    ("circa", "about"),
    ("~", "about"),
    ("не менее", "at-least"),
    ("не меньше", "at-least"),
    ("по меньшей мере", "at-least"),
    ("как минимум", "at-least"),
    ("минимум", "at-least"),
    ("мінімум", "at-least"),
    ("более", "at-least"),
    ("более чем", "at-least"),
    ("больше", "at-least"),
    ("свыше", "at-least"),
    ("не более", "at-most"),
    ("не больше", "at-most"),
    ("менее", "at-most"),
    ("около", "about"),
    ("примерно", "about"),
    ("приблизительно", "about"),
    ("почти", "about"),
    ("порядка", "about"),
    ("щонайменше", "at-least"),
    ("не менше", "at-least"),
    ("принаймні", "at-least"),
    ("понад", "at-least"),
    ("більше", "at-least"),
    ("більш ніж", "at-least"),
    ("близько", "about"),
    ("приблизно", "about"),
    ("майже", "about"),
    ("не більше", "at-most"),
    ("не більш як", "at-most"),
    ("менше", "at-most"),
    ("до", "at-most"),
):
    HEDGES[tuple(_phrase.split())] = _hedge

# After these verb stems "до N" means "to N", not "up to N".
RISE_STEMS = (
    "вырос",
    "возрос",
    "увеличил",
    "достиг",
    "поднял",
    "подскочил",
    "зрос",
    "збільшил",
    "сягнул",
    "досягл",
    "піднял",
)

# Range connectors: "between 20 and 30", "from 20 to 30", "от 20 до 30", "від 20 до 30".
RANGE_OPENERS = frozenset({"between", "from", "от", "від"})
RANGE_JOINERS = frozenset({"and", "to", "до", "-", "–", "—", "и", "і"})

# Category -> (whole English words, Slavic stems).
CASUALTIES: dict[str, tuple[frozenset[str], tuple[str, ...]]] = {
    "deaths": (
        frozenset(
            [
                "killed",
                "kill",
                "kills",
                "killing",
                "dead",
                "died",
                "die",
                "dies",
                "deaths",
                "death",
                "toll",
                "lives",
                "fatalities",
                "perished",
                "bodies",
                "fatalities",
            ]
        ),
        (
            "погиб",
            "убит",
            "жертв",
            "смерт",
            "скончал",
            "загин",
            "загибл",
            "вбит",
            "померл",
            "погибш",
            "жизн",
            "житт",
        ),
    ),
    "injured": (
        frozenset(["injured", "injuring", "wounded", "wounding", "hurt", "injuries"]),
        ("ранен", "ранил", "пострадав", "пострадал", "травм", "поранен", "постражд"),
    ),
    "missing": (
        frozenset(["missing"]),
        ("пропал", "пропавш", "зник", "безвест", "безвіст"),
    ),
    "displaced": (
        frozenset(["displaced", "homeless", "evacuated", "fled"]),
        (
            "перемещ",
            "переселен",
            "эвакуир",
            "эвакуиров",
            "переміщ",
            "евакуйов",
            "евакую",
            "переселенц",
            "покинул",
            "покину",
            "залишил",
            "бежал",
            "втекл",
        ),
    ),
    "refugees": (frozenset(["refugees", "refugee"]), ("беженц", "біженц")),
    "detained": (
        frozenset(["detained", "arrested", "jailed", "detentions", "arrests"]),
        ("задержан", "задержал", "арестова", "затриман", "затримал", "заарештова"),
    ),
}

TROOPS: tuple[frozenset[str], tuple[str, ...]] = (
    frozenset(["troops", "soldiers", "servicemen", "personnel", "peacekeepers", "fighters"]),
    (
        "военнослужащ",
        "военных",
        "солдат",
        "бойц",
        "миротворц",
        "військов",
        "солдатів",
        "вояк",
        "миротворц",
    ),
)

# Equipment: stem -> unit written in English.
EQUIPMENT: dict[str, str] = {
    "tanks": "tanks",
    "drones": "drones",
    "aircraft": "aircraft",
    "jets": "aircraft",
    "helicopters": "helicopters",
    "missiles": "missiles",
    "танк": "tanks",
    "беспилотник": "drones",
    "дрон": "drones",
    "безпілотник": "drones",
    "самолет": "aircraft",
    "літак": "aircraft",
    "вертолет": "helicopters",
    "гелікоптер": "helicopters",
    "ракет": "missiles",
}

CURRENCIES: dict[str, str] = {
    "$": "USD",
    "usd": "USD",
    "dollars": "USD",
    "доллар": "USD",
    "долар": "USD",
    "€": "EUR",
    "eur": "EUR",
    "euros": "EUR",
    "евро": "EUR",
    "євро": "EUR",
    "£": "GBP",
    "pounds": "GBP",
    "рубл": "RUB",
    "₽": "RUB",
    "гривен": "UAH",
    "гривн": "UAH",
    "гривень": "UAH",
    "₴": "UAH",
    "манат": "AZN",
}

PERCENT = ("%", "percent", "per", "процент", "відсот", "отсот")

# Nouns of time: a number right before one is a duration ("three nights"), not a count.
DURATIONS = (
    "second", "minute", "hour", "day", "night", "week", "month", "year", "decade",
    "секунд", "минут", "час", "дн", "дня", "ноч", "недел", "месяц", "лет", "год",
    "хвилин", "годин", "доб", "тиж", "місяц", "рок", "дні", "днів",
)  # fmt: skip

# Words before a number that make it a label, not a count ("Flight 8243", "No. 5").
LABEL_WORDS = frozenset(
    [
        "flight",
        "flights",
        "no",
        "number",
        "nos",
        "resolution",
        "article",
        "page",
        "route",
        "bus",
        "unit",
        "рейс",
        "рейса",
        "рейсу",
        "рейсе",
        "рейсом",
        "рейсі",
        "номер",
        "статья",
        "статьи",
        "стаття",
        "статті",
        "№",
    ]
)

# Age markers around a number ("a 45-year-old", "aged 62", "в возрасте 62 лет", "62 роки").
AGE_BEFORE = frozenset({"aged", "age", "возрасте", "віці"})
AGE_AFTER_STEMS = ("year-old", "years-old", "-year-old", "річн", "летн")
YEARS_WORDS = ("years", "year", "лет", "года", "год", "рок", "років", "роки")

# Month names and the forms a date uses (Slavic genitive "25 декабря", "25 грудня").
MONTHS: dict[str, int] = {}
for _number, _forms in enumerate(
    (
        "january jan январь января січень січня",
        "february feb февраль февраля лютий лютого",
        "march mar март марта березень березня",
        "april apr апрель апреля квітень квітня",
        "may май мая травень травня",
        "june jun июнь июня червень червня",
        "july jul июль июля липень липня",
        "august aug август августа серпень серпня",
        "september sep sept сентябрь сентября вересень вересня",
        "october oct октябрь октября жовтень жовтня",
        "november nov ноябрь ноября листопад листопада",
        "december dec декабрь декабря грудень грудня",
    ),
    start=1,
):
    for _form in _forms.split():
        MONTHS[_form] = _number
