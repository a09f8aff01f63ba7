"""Word lists the extractor leans on: cue verbs, titles and roles, stop words."""

from __future__ import annotations

# Verbs that report what someone said, wrote, thought or wants: speech, writing,
# cognition, stance and evaluation. Regular verbs are inflected by rule; the irregular
# ones list their forms. Phrasal cues are handled in `attribution`.
_REGULAR_CUES = """
say add note reiterate underscore stress emphasize emphasise warn insist claim acknowledge
argue report tweet explain announce state declare confirm deny suggest assert maintain
admit predict recall contend caution complain concede observe remark reply respond
believe estimate allege assure promise vow pledge urge accuse charge ask mention
disclose reveal indicate testify quip joke boast lament concur counter retort
call describe criticize criticise praise endorse defend attack blast slam question
reject dismiss denounce condemn decry applaud welcome thank blame accuse mock
propose recommend request demand plead appeal insist threaten
conclude decide determine learn discover find show demonstrate prove suggest
cite quote post retweet email message text publish release issue
hope wish want intend plan seek expect fear worry doubt wonder suspect guess assume
imagine presume realize realise recognize recognise understand acknowledge
agree disagree oppose support favor favour back prefer welcome embrace tout hail
highlight point reference echo repeat stress add continue conclude complain
answer ask inquire query challenge dispute contest deny refute rebut
acknowledge admit confess concede disclose divulge leak brief inform notify
assure reassure remind warn advise caution
estimate calculate project forecast predict anticipate
signal hint imply infer insinuate allege
explain clarify elaborate detail outline summarize describe portray characterize depict
label brand dub term deem consider regard view
shout yell scream chant whisper mutter exclaim cry sigh
enjoy like love hate name cast mock ridicule dismiss wave liken compare
refuse decline threaten try attempt vote
talk comment refer respond rail lash push lobby press weigh voice express fire
bark snap boom roar gush rave muse ponder scoff snipe fume rant bellow grumble murmur hiss
beg implore proclaim intone opine posit recount relate sneer tease taunt chide scold
lecture quibble marvel reflect reason surmise speculate hypothesize bemoan lambaste
needle jab rebuke
vow pledge promise guarantee swear
""".split()

_IRREGULAR_CUES = {
    "say": "said",
    "tell": "tell tells told telling",
    "write": "write writes wrote writing written",
    "think": "think thinks thought thinking",
    "know": "know knows knew knowing",
    "see": "see sees saw seen seeing",
    "feel": "feel feels felt feeling",
    "speak": "speak speaks spoke spoken speaking",
    "find": "found",
    "seek": "sought",
    "understand": "understood",
    "mean": "meant",
    "swear": "swore sworn",
    "forecast": "forecast",
    "broadcast": "broadcast",
    "foresee": "foresees foresaw foreseen",
    # Only with "back" (`attribution._PARTICLE_CUES`): "shot back", "hit back at".
    "shoot": "shoots shot shooting",
    "hit": "hits hitting",
}


# Verbs stressed on a last syllable that ends vowel-consonant double that consonant
# ("admitted", "referred"); "quip" counts the "u" of "qu" as a consonant.
_STRESSED_LAST = frozenset("admit refer prefer concur infer rebut quip".split())


def _inflect(base: str) -> list[str]:
    """Regular inflections of a verb: base, -s, -ed, -ing (approximate English rules)."""
    forms = [base]
    if base.endswith("y") and base[-2] not in "aeiou":
        forms += [base[:-1] + "ies", base[:-1] + "ied", base + "ing"]
    elif base.endswith("e"):
        forms += [base + "s", base + "d", base[:-1] + "ing"]
    else:
        third = base + "es" if base.endswith(("s", "sh", "ch", "x", "z", "o")) else base + "s"
        double = base in _STRESSED_LAST or (
            len(base) <= 4
            and base[-1] not in "aeiouwxy"
            and base[-2] in "aeiou"
            and base[-3] not in "aeiou"
        )
        stem = base + base[-1] if double else base
        forms += [third, stem + "ed", stem + "ing"]
    return forms


CUE_FORMS: dict[str, str] = {}
for _base in _REGULAR_CUES:
    for _form in _inflect(_base):
        CUE_FORMS.setdefault(_form, _base)
for _base, _forms in _IRREGULAR_CUES.items():
    for _form in _forms.split():
        CUE_FORMS[_form] = _base
    if _base not in CUE_FORMS:
        CUE_FORMS[_base] = _base
# Forms that are more often something else in news copy.
for _form in (
    "sayed",
    "feeled",
    "pointing",
    "issue",
    "issues",
    "release",
    "releases",
    "text",
    "texts",
    "back",
    "backs",
    "post",
    "posts",
    "call",
    "cry",
    "point",
    "points",
    "view",
    "views",
    "plan",
    "plans",
    "support",
    "answer",
    "question",
    "questions",
    "counter",
    "echo",
    "quote",
    "quotes",
    "label",
    "brand",
    "term",
    "terms",
    "detail",
    "details",
    "project",
    "projects",
    "signal",
    "signals",
    "leak",
    "leaks",
    "brief",
    "briefs",
    "shout",
    "message",
    "email",
    "tout",
    "hail",
    "want",
    "hope",
    "fear",
    "wish",
    "doubt",
    "guess",
    "expect",
    "state",
    "states",
    "attack",
    "attacks",
    "tweet",
    "tweets",
    "contest",
    "contests",
    "mean",
    "means",
    "meant",
    "hold",
    "held",
    "holds",
    "holding",
    "publish",
    "demand",
    "request",
    "appeal",
    "report",
    "claim",
    "promise",
    "pledge",
    "vow",
    "estimate",
    "remark",
    "reply",
    "quip",
    "joke",
    "favour",
    "favor",
    "challenge",
    "welcome",
    "thank",
    "blast",
    "slam",
    "leak",
    "leaked",
    "cry",
    "cries",
    "sigh",
    "sighs",
    "term",
    "dub",
    "deem",
    "regard",
    "maintain",
    "read",
    "like",
    "liking",
    "note",
    "vote",
    "votes",
    "voting",
    "wave",
    "waves",
    "waving",
    "press",
    "pressing",
):
    CUE_FORMS.pop(_form, None)

# Cues that read as speech only in the past or present tense with a speaker before
# them; their -ing and bare forms are too often something else ("a report", "hope").
WEAK_CUES = frozenset(
    "report reporting state claim claims note notes charge fears hopes expects "
    "expected think thought believe ask asked agree agreed promise promising warning respond "
    "reply caution urge urging accuse accusing remark remarks tweet writing "
    "estimate estimates stress mention indicate indicates reveal maintain concur "
    "find finds found show shows showed shown see sees saw seen know knows knew known "
    "feel feels felt mean means meant decide decided learn learned determine determined "
    "consider considers considered regard view views deem back backed support supports "
    "supported favor favors favored prefer prefers preferred oppose opposes opposed want "
    "wants wanted seek seeks sought plan planned intend intends intended hold held read "
    "reads continue continues continued repeat repeated release released publish published "
    "post posted cite cited quote quoted call called calls calling describe described "
    "issue issued welcome welcomed praise praised attack attacked question questioned "
    "challenge challenged expect expecting worried worry doubt doubted wonder wondered "
    "conclude concluded discover discovered prove proved demonstrate demonstrated".split()
)

# Words that introduce who was told (skipped before the content: "told reporters").
RECIPIENTS = frozenset(
    "a the daily regular weekly news press reporters journalists lawmakers legislators "
    "briefing conference interview "
    "parliament congress senators supporters audience crowd delegates students viewers "
    "readers members officials committee hearing forum radio television newspaper paper "
    "magazine programme program channel station rally meeting gathering panel".split()
)

# Verbs that report words whatever else the sentence says: what ", saying ..." reports
# even when no speaker is found, and what "It said ..." says for an organisation.
SAYING_VERBS = frozenset(
    """say add tell write explain insist argue warn note announce deny admit acknowledge
    stress suggest state reply respond tweet urge report claim""".split()
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
    supporters voters officials executive executives percent respondents people americans
    majority minority half poll polls survey surveys study studies data figures women men
    team aides allies""".split()
)

# Pronouns that stand for a speaker, and what they can refer to.
PERSON_PRONOUNS = {"he": "m", "she": "f", "him": "m", "her": "f"}
GROUP_PRONOUNS = frozenset({"they", "we"})

DETERMINERS = frozenset(
    {
        "the",
        "a",
        "an",
        "another",
        "one",
        "two",
        "three",
        "several",
        "some",
        "his",
        "her",
        "their",
        "its",
        "our",
        "many",
        "most",
        "few",
        "both",
        "all",
    }
)

# Words that cannot sit inside a speaker's noun phrase: reading backwards from a cue,
# the phrase starts after the nearest of them.
NP_STOP = frozenset(
    """despite without within upon via per like unlike toward towards across along among
    amid following including regarding concerning near beyond besides except
    that which who whom whose when while where as because if although though since
    and but or so then than after before until unless whether to in on at by with from
    into over under during about against between through is was were are be been being
    has have had do does did will would could should may might can must not also
    it its this these those there here what how why said says told added""".split()
)

# Common verbs that are not speech, whose past or present forms the suffix rules miss:
# where a subject's noun phrase ends ("The businessman began by ...").
COMMON_VERBS = frozenset(
    """began begins become became becomes went goes go came comes come took takes take
    made makes make got gets get gave gives give kept keeps keep left leaves leave ran
    runs run won wins win lost loses lose sat sits stood stands put puts set sets sent
    sends spent spends held holds met meets brought brings bought buys fought fights
    sought seeks taught teaches caught catches led leads paid pays seems seem appears
    appear remains remain looks look wants want needs need tries try tried
    blew threw drew grew flew knew rose fell broke chose drove rode wore tore struck
    stuck hung swung shook forgot forgave froze hid bit sang sank spun sprang stole
    swam woke""".split()
)

# Adverbs and auxiliaries that may stand between a speaker and the cue ("also said").
PRE_CUE_SKIP = frozenset(
    """both each all did does do not n't never could can may might should must now still
    also earlier later
    didn't doesn't don't won't wouldn't couldn't hasn't haven't hadn't isn't wasn't
    didn’t doesn’t don’t won’t wouldn’t couldn’t hasn’t haven’t hadn’t isn’t wasn’t
    again previously repeatedly then once further recently has have
    had was were is are would will already first further publicly privately separately
    reportedly initially similarly subsequently just soon often never always even only
    finally ultimately quickly immediately afterwards afterward""".split()
)

# Sentence-initial words that are never part of a name, though capitalised.
NOT_NAMES = frozenset(
    """despite although though because unless until whether while without within upon like
    during following including instead indeed perhaps maybe once now then later earlier
    today yesterday asked speaking writing meanwhile nevertheless nonetheless still
    the a an he she it they we i you but and or so yet in on at for to of by with
    from as if when while after before since this that these those there here what
    who why how obviously however meanwhile still also again moreover""".split()
)

MONTHS = {
    "jan": 1,
    "january": 1,
    "feb": 2,
    "february": 2,
    "mar": 3,
    "march": 3,
    "apr": 4,
    "april": 4,
    "may": 5,
    "jun": 6,
    "june": 6,
    "jul": 7,
    "july": 7,
    "aug": 8,
    "august": 8,
    "sep": 9,
    "sept": 9,
    "september": 9,
    "oct": 10,
    "october": 10,
    "nov": 11,
    "november": 11,
    "dec": 12,
    "december": 12,
}

ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof gen brig lt col maj sgt capt adm cmdr sen rep gov st jr sr rev
    inc corp co ltd no nos vs etc al fig jan feb mar apr jun jul aug sep sept oct nov dec
    mt ft gov dept est approx univ assn bros ave blvd""".split()
)

# Common first names by gender, so that "she" does not resolve to "Bernie Sanders".
FEMALE_NAMES = frozenset(
    """mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa
    betty margaret sandra ashley kimberly emily donna michelle dorothy carol amanda melissa
    deborah stephanie rebecca sharon laura cynthia kathleen amy shirley angela helen anna
    brenda pamela nicole emma samantha katherine christine debra rachel catherine carolyn
    janet ruth maria heather diane virginia julie joyce victoria olivia kelly christina
    lauren joan evelyn judith megan cheryl andrea hannah martha jacqueline frances gloria
    ann teresa kathryn sara janice jean alice madison doris abigail julia judy grace denise
    amber marilyn beverly danielle theresa sophia marie diana brittany natalie isabella
    charlotte rose alexis kayla hillary chelsea melania ivanka nikki carly sarah condoleezza
    madeleine nancy elizabeth kamala theresa angela christine marine ursula hilary debbie
    huma donna kellyanne hope michele tulsi jill elena sonia ruth nina linda susana
    megyn katie katy meryl oprah jane jeanne""".split()
)
MALE_NAMES = frozenset(
    """james robert john michael william david richard joseph thomas charles christopher
    daniel matthew anthony mark donald steven paul andrew joshua kenneth kevin brian george
    timothy ronald edward jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry
    justin scott brandon benjamin samuel gregory alexander frank patrick raymond jack dennis
    jerry tyler aaron jose adam nathan henry douglas zachary peter kyle ethan walter noah
    jeremy christian keith roger terry gerald harold sean austin carl arthur lawrence dylan
    jesse jordan bryan billy joe bruce gabriel logan albert willie alan juan wayne elijah
    randy roy vincent ralph eugene russell bobby mason philip louis barack bernie ted marco
    jeb ben chris mike rand rick bill hillary mitt reince newt rudy jim tim joe rahm
    vladimir xi boris emmanuel recep benjamin bibi kim moon yoon shinzo justin nigel tony
    gordon david jeremy angus""".split()
) - {"hillary"}
