"""Word lists the extractor leans on: cue verbs, titles and roles, stop words."""

from __future__ import annotations

# Base form -> every inflection a news writer uses for it. Phrasal cues are handled
# separately ("according to", "quoted as saying", "in a statement", "pointed out").
_CUE_BASES = {
    "say": "say says said saying",
    "tell": "tell tells told telling",
    "add": "add adds added adding",
    "note": "note notes noted noting",
    "reiterate": "reiterate reiterates reiterated reiterating",
    "underscore": "underscore underscores underscored underscoring",
    "stress": "stress stresses stressed stressing",
    "emphasize": "emphasize emphasizes emphasized emphasizing emphasise emphasises emphasised",
    "warn": "warn warns warned warning",
    "insist": "insist insists insisted insisting",
    "claim": "claim claims claimed claiming",
    "acknowledge": "acknowledge acknowledges acknowledged acknowledging",
    "argue": "argue argues argued arguing",
    "report": "report reports reported reporting",
    "write": "writes wrote",
    "tweet": "tweet tweets tweeted tweeting",
    "explain": "explain explains explained explaining",
    "announce": "announce announces announced announcing",
    "state": "states stated stating",
    "declare": "declare declares declared declaring",
    "confirm": "confirm confirms confirmed confirming",
    "deny": "deny denies denied denying",
    "suggest": "suggest suggests suggested suggesting",
    "assert": "assert asserts asserted asserting",
    "maintain": "maintains maintained",
    "admit": "admit admits admitted admitting",
    "predict": "predict predicts predicted predicting",
    "recall": "recall recalls recalled recalling",
    "contend": "contend contends contended contending",
    "caution": "caution cautions cautioned cautioning",
    "complain": "complain complains complained complaining",
    "concede": "concede concedes conceded conceding",
    "observe": "observes observed",
    "remark": "remark remarks remarked",
    "reply": "reply replies replied replying",
    "respond": "respond responds responded responding",
    "believe": "believe believes believed",
    "estimate": "estimates estimated",
    "allege": "allege alleges alleged alleging",
    "assure": "assure assures assured",
    "promise": "promise promises promised promising",
    "vow": "vow vows vowed vowing",
    "pledge": "pledge pledges pledged pledging",
    "urge": "urge urges urged urging",
    "accuse": "accuse accuses accused accusing",
    "charge": "charged",
    "ask": "ask asks asked",
    "mention": "mention mentions mentioned",
    "disclose": "disclose discloses disclosed",
    "reveal": "reveal reveals revealed",
    "indicate": "indicate indicates indicated indicating",
    "testify": "testify testifies testified testifying",
    "quip": "quip quips quipped",
    "joke": "joke jokes joked",
    "boast": "boast boasts boasted",
    "lament": "lament laments lamented",
    "concur": "concurred",
    "counter": "countered",
    "retort": "retort retorted",
    "think": "thinks thought",
}

CUE_FORMS: dict[str, str] = {
    form: base for base, forms in _CUE_BASES.items() for form in forms.split()
}

# Cues that read as speech only in the past or present tense with a speaker before
# them; their -ing and bare forms are too often something else ("a report", "hope").
WEAK_CUES = frozenset(
    "report reporting state claim claims note notes charge fear fears hope hopes expect expects "
    "expected think thought believe ask asked agree agreed promise promising warning respond "
    "reply caution urge urging accuse accusing remark remarks tweet write writing counter "
    "estimate estimates stress mention indicate indicates reveal maintain concur".split()
)

# Participle cues that attach a second claim to the same speaker: ", noting that ...".
PARTICIPLE_CUES = frozenset(
    "saying adding noting stressing warning insisting arguing claiming explaining "
    "acknowledging emphasizing emphasising underscoring reiterating suggesting "
    "asserting contending cautioning".split()
)

# Words that introduce who was told (skipped before the content: "told reporters").
RECIPIENTS = frozenset(
    "a the daily regular weekly news press reporters journalists lawmakers legislators the press a briefing conference interview "
    "parliament congress senators supporters audience crowd delegates students viewers "
    "readers members officials committee hearing forum radio television".split()
)

# Capitalised words that are titles or parts of a role, not of a person's name.
TITLE_WORDS = frozenset(
    """president vice minister secretary spokesman spokeswoman spokesperson
    gen gen. general brig brig. lt lt. col col. adm adm. maj maj. sgt sgt. capt capt. cmdr
    sen sen. rep rep. gov gov. mr mr. mrs mrs. ms ms. dr dr. prof prof. rev rev. st. sir
    ambassador chairman chairwoman chair director chief deputy press foreign defense defence
    department ministry office house state council committee party leader envoy special
    representative senator congressman congresswoman commander officer prime premier
    king queen pope judge justice attorney governor mayor chancellor counselor adviser
    advisor analyst professor executive ceo chief-of-staff senior national security
    affairs unification finance treasury trade economy health interior justice energy
    spokespeople official officials agency administration government embassy white
    republican democrat democratic candidate nominee former acting assistant associate
    undersecretary under first lady speaker majority minority whip leader
    """.split()
)

ROLE_HEADS = frozenset(
    """spokesman spokeswoman spokesperson official officials minister secretary president
    envoy ambassador diplomat diplomats source sources analyst analysts expert experts
    aide aides adviser advisor advisers advisors officer officers commander general
    lawmaker lawmakers senator legislator legislators leader leaders chief director
    representative negotiator negotiators investigator investigators prosecutor prosecutors
    lawyer lawyers attorney attorneys economist economists researcher researchers professor
    candidate nominee governor mayor chairman chairwoman chair ministry department agency
    office government administration military army police campaign committee council
    report statement newspaper agency people residents witnesses observers critics
    supporters voters officials executive executives""".split()
)

# Pronouns that stand for a speaker, and what they can refer to.
PERSON_PRONOUNS = {"he": "m", "she": "f", "him": "m", "her": "f"}
GROUP_PRONOUNS = frozenset({"they", "we"})

DETERMINERS = frozenset({"the", "a", "an", "another", "one", "two", "three", "several", "some"})

# Words that cannot sit inside a speaker's noun phrase: reading backwards from a cue,
# the phrase starts after the nearest of them.
NP_STOP = frozenset(
    """that which who whom whose when while where as because if although though since
    and but or so then than after before until unless whether to in on at by with from
    into over under during about against between through is was were are be been being
    has have had do does did will would could should may might can must not also
    it its this these those there here what how why said says told added""".split()
)

# Adverbs and auxiliaries that may stand between a speaker and the cue ("also said").
PRE_CUE_SKIP = frozenset(
    """also earlier later again previously repeatedly then once further recently has have
    had was were is are would will already first further publicly privately separately
    reportedly initially similarly subsequently just""".split()
)

# Sentence-initial words that are never part of a name, though capitalised.
NOT_NAMES = frozenset(
    """the a an he she it they we i you but and or so yet in on at for to of by with
    from as if when while after before since this that these those there here what
    who why how obviously however meanwhile still also again moreover""".split()
)

MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4,
    "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8,
    "august": 8, "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10,
    "nov": 11, "november": 11, "dec": 12, "december": 12,
}

ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof gen brig lt col maj sgt capt adm cmdr sen rep gov st jr sr rev
    inc corp co ltd no nos vs etc al fig jan feb mar apr jun jul aug sep sept oct nov dec
    mt ft gov dept est approx univ assn bros ave blvd""".split()
)
