"""Every word list the extractor leans on, each with what it is for.

The passes (`cues`, `filters`, `attach`, `content`, the shapes) hold rules, not words:
a rule names the list it reads here. Lists are grouped by the pass that reads them
most; a list read by several passes stands with the first.
"""

from __future__ import annotations

# -- verbs of saying ------------------------------------------------------------------

# Verbs that report what someone said, wrote, thought or wants: speech, writing,
# cognition, stance and evaluation. Regular verbs are inflected by rule; the irregular
# ones list their forms. Phrasal cues are `cues.phrase_cue`'s.
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
enjoy like love hate name cast mock ridicule dismiss liken compare
refuse decline threaten try attempt vote
talk comment refer respond rail lash push lobby press weigh voice express fire
bark snap boom roar gush rave muse ponder scoff snipe fume rant bellow grumble murmur hiss
interject
beg implore proclaim intone opine posit recount relate sneer tease taunt chide scold
lecture quibble marvel reflect reason surmise speculate hypothesize bemoan lambaste
needle jab rebuke
vow pledge promise guarantee swear
""".split()

# Irregular verbs of saying and the forms they take.
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
    # Only with "back" (`PARTICLE_CUES`): "shot back", "hit back at".
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


# Forms of the verbs above that are more often something else in news copy ("the
# issue", "a text", "the back"): never a cue by themselves.
_NOT_CUE_FORMS = """
sayed feeled pointing issue issues release releases text texts back backs post posts call
cry point points view views plan plans support answer question questions counter echo quote
quotes label brand term terms detail details project projects signal signals leak leaks
brief briefs shout message email tout hail want hope fear wish doubt guess expect state
states attack attacks tweet tweets contest contests mean means meant hold held holds holding
publish demand request appeal report claim promise pledge vow estimate remark reply quip joke
favour favor challenge welcome thank blast slam leak leaked cry cries sigh sighs term dub
deem regard maintain read like liking note vote votes voting wave waves waving press pressing
""".split()

# Every form of a verb of saying, mapped to its base form ("told" -> "tell").
CUE_FORMS: dict[str, str] = {}
for _base in _REGULAR_CUES:
    for _form in _inflect(_base):
        CUE_FORMS.setdefault(_form, _base)
for _base, _forms in _IRREGULAR_CUES.items():
    for _form in _forms.split():
        CUE_FORMS[_form] = _base
    if _base not in CUE_FORMS:
        CUE_FORMS[_base] = _base
for _form in _NOT_CUE_FORMS:
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

# Verbs of thinking, perceiving, wanting, showing and taking a stance: in the word lists
# above for the passes that tell a verb by its form, never a cue. A belief ("many voters
# think"), a perception ("she saw"), a wish ("he wants"), evidence ("polls show") or a
# stance ("backed the bill") is not a speech act: the brief reports what was said.
NOT_SAYING = frozenset(
    """think believe know feel see hear watch notice realize realise understand recognize
    recognise remember imagine assume presume suppose suspect guess doubt wonder consider
    regard view deem learn discover find determine decide show demonstrate prove seem
    appear want wish hope fear expect worry plan intend seek support oppose back favor
    favour prefer embrace like love hate enjoy try attempt vote""".split()
)

# Verbs of not doing before a cue in -ing: "avoided suggesting", "stopped short of saying".
AVOIDING = frozenset(
    "avoid avoids avoided avoiding stop stops stopped refrain refrains refrained".split()
)
# What data and studies "suggest", "indicate" or "reveal" is evidence, not words said:
# "A survey suggests customers are impatient" (but "the survey said" reports).
EVIDENCE_NOUNS = frozenset(
    """survey surveys poll polls study studies research data figures statistics numbers
    analysis evidence results findings research model models index report's""".split()
)
EVIDENCE_CUES = frozenset({"suggest", "indicate", "reveal", "imply", "point"})

# Words right before a cue that make it something not (yet) said: a modal or an
# infinitive's "to" ("would say", "wants to tell") after a verb of `NOT_SAYING`.
UNREAL_MARKERS = frozenset({"would", "could", "might", "may", "should", "to"})
# Modals of what may or would happen: a cue after one reports nothing said ("Reyes may
# say", "Canada would respond", "people would say her career was over").
MAYBE_MODALS = frozenset({"could", "might", "may", "would"})
# Negations between such a word and the cue ("would not say").
NEGATIONS = frozenset({"not", "never", "n't"})
# What a cue takes when nothing was said ("said nothing", "said little about it").
NOTHING_SAID = frozenset({"nothing", "little"})
# Signs of an amount ("added $300 million").
CURRENCY_SIGNS = frozenset("$ £ € ¥ ₩".split())
# Verbs of saying that also name something ("a campaign called "Not My Stella's"",
# "a ship named ..."): with a title for content they name, they do not report.
NAMING_CUES = frozenset({"call", "name", "dub", "term", "label", "brand", "title"})

# Verbs that report words whatever else the sentence says: what ", saying ..." reports
# even when no speaker is found, and what "It said ..." says for an organisation.
SAYING_VERBS = frozenset(
    """say add tell write explain insist argue warn note announce deny admit acknowledge
    stress suggest state reply respond tweet urge report claim""".split()
)

# -- finding cues (`cues`) --------------------------------------------------------------

# First words of the cues of several words (`cues.phrase_cue`).
PHRASE_STARTS = frozenset("according quoted point points pointed pointing put puts".split())
# Forms of "point" that report with "out": "pointed out", "points out".
POINT_FORMS = frozenset({"point", "points", "pointed", "pointing"})
# "put it" / "puts it" ("as Jo Reyes put it, ...").
PUT_FORMS = frozenset({"put", "puts"})
# Verbs that report words only right after a quotation: elsewhere "reads" and "states"
# are seldom speech.
AFTER_QUOTE_CUES = frozenset("read reads state states".split())
# Bare forms that the cue list leaves out as more often nouns ("a note", "the claim"),
# verbs after a plural subject with a clause after them ("Critics note that ...").
PLURAL_CUES = frozenset("note claim report state estimate promise pledge vow demand".split())
# Nouns of saying that report what their possessor said: "Trump's claim that ...",
# "her assertion that ...", "his pledge to ...".
NOMINAL_CUES = frozenset(
    """claim assertion accusation promise pledge warning suggestion argument insistence
    contention vow threat prediction allegation admission conclusion""".split()
)
# Every word that can start a cue (`cues.find_cues`): a sentence with none of them and
# no quotation has no attribution.
CUE_TRIGGERS = frozenset(CUE_FORMS) | PHRASE_STARTS | AFTER_QUOTE_CUES | PLURAL_CUES | NOMINAL_CUES
# The words for which a sentence is read at all: a verb of thinking, perceiving, wanting or
# showing alone (`NOT_SAYING`) is never a cue, so a sentence with no other gives nothing.
READ_TRIGGERS = (
    frozenset(w for w, base in CUE_FORMS.items() if base not in NOT_SAYING)
    | PHRASE_STARTS
    | AFTER_QUOTE_CUES
    | PLURAL_CUES
    | NOMINAL_CUES
)
# The tokens `cues.find_cues` looks at: those words, and a colon before a quotation.
CUE_TOKENS = CUE_TRIGGERS | {":"}
# Possessive pronouns before a noun of saying, and the speaker they stand for.
POSSESSIVE_PRONOUNS = {"his": "he", "her": "she", "their": "they"}
# Pronouns that make the bare form of a cue a verb: "they note", "we fear".
PLURAL_SUBJECTS = frozenset({"they", "we", "i", "you"})
# Words that open a clause after a cue: "Critics note the plan ...".
CLAUSE_OPENERS = frozenset("the a an this these its their his her our".split())
# Nouns that end in -s without being plural: "the news claim" is no plural subject.
PLURAL_LOOKING = frozenset("news press series species business".split())
# Plurals of people that do not end in -s ("people questioning ...").
PEOPLE_PLURALS = frozenset("people children folk police staff".split())

# -- what is not speech (`filters`) -----------------------------------------------------

# Words that open a reported clause after a verb that otherwise takes an object
# ("questioned whether ...", "criticised that ...").
CLAUSE_OPENERS_AFTER = frozenset({"that", "whether", "if", "why", "how"})
# Verbs of saying whose content may be what they promise, in the infinitive: "vowed to
# ban imports", "threatened to resign".
PROMISES = frozenset({"promise", "vow", "pledge", "threaten"})
# Verbs that take an infinitive and still report: "promised to", "told to", "wants to";
# other cues before "to" and a verb are not speech ("said to be", "asked to leave").
COMMIT_CUES = frozenset(
    "promise promises promised vow vows vowed pledge pledges pledged urged urge urges "
    "told tell tells telling according seek seeks sought seeking plan plans planned "
    "planning intend intends intended want wants wanted hope hopes hoped refuse refuses "
    "refused decline declines declined threaten threatens threatened "
    "demand demands demanded decide decides decided claim claims claimed".split()
)
# Words after "said to" that start who was spoken to, not an infinitive.
TO_WHOM = frozenset(
    "the a an reporters journalists me us him her them his their my our its this that "
    "these those some many all".split()
)
# Whom words are added to ("he added to reporters"); "added to" anything else is more of
# it ("adding to a growing list of awards").
ADDED_TO_WHOM = frozenset("reporters journalists me us him her them audience crowd".split())
# Verbs that report speech only as "fired back", "shot back", "hit back", and only when a
# quotation or a "that" clause follows: "Reyes fired back: "..."", not "firing
# artillery", "shot the ball", nor the sports pages' "Wanderers hit back through Giannakopoulos".
BACK_VERBS = frozenset(
    "fire fires fired firing shoot shoots shot shooting hit hits hitting".split()
)
# Verbs that report speech only with their particle: "railed against", "weighed in",
# "fired back"; each form maps to the particles it needs.
PARTICLE_CUES = {
    form: particles
    for lemma, particles in {
        "rail": {"against", "at"},
        "lash": {"out"},
        "weigh": {"in"},
        "push": {"back", "for"},
        "lobby": {"for", "against"},
    }.items()
    for form in (lemma, lemma + "s", lemma + "es", lemma + "ed", lemma + "ing")
} | dict.fromkeys(BACK_VERBS, {"back"})
# Pronoun objects: "called him divisive".
OBJECT_PRONOUNS = frozenset("him her them me us".split())
# What follows "pleaded" in a plea in court ("pleaded guilty", "not guilty", "no contest").
PLEAS = frozenset({"guilty", "innocent", "not", "no"})
# Words before a word in -ing that make it a noun: "a regular briefing".
NOUN_MARKERS = frozenset("a an the his her their its".split())
# How adjectives end ("authoritative", "official", "famous", "tactful", "public",
# "following"): a word so ending between an article and a word in its bare form makes
# that word a noun.
ADJECTIVE_ENDINGS = ("ive", "al", "ous", "ful", "ic", "able", "ible", "ing")
# Words after which a participle is an adjective: articles, possessives, numbers ("one
# paid staffer", "a lost cause", "his hidden costs").
PARTICIPLE_MODIFIERS = NOUN_MARKERS | frozenset("one two three our my your".split())
# Quantifiers that may stand after a plural subject, before its verb ("they both said").
FLOATING_QUANTIFIERS = frozenset({"both", "all", "each"})
# Words before a noun that count it ("many disputes", "several reports").
COUNT_WORDS = frozenset("many several few some all these those both numerous various".split())
# Words of degree before an adjective ("more challenging", "most telling").
DEGREE_WORDS = frozenset("more most less least very so too".split())
# Participles that, set off by a comma, say how someone spoke rather than what.
ASIDE_PARTICIPLES = frozenset({"speaking", "talking", "writing", "appearing"})
# Prepositions after such a participle: "speaking to reporters", "writing on X".
ASIDE_PREPOSITIONS = frozenset({"to", "with", "on", "at"})
# Forms of "be": before a participle, a passive ("it was reported").
PASSIVE = frozenset({"is", "are", "was", "were", "be", "been", "being"})
# Adverbs between "be" and a participle that keep it passive ("was first announced").
PASSIVE_ADVERBS = frozenset({"first", "also", "later", "initially", "originally", "then"})
# Prepositions after which a cue word is a noun ("of decline", "in response") unless it
# is a gerund ("by saying").
NOUN_AFTER = frozenset("of in on at for with by from about into amid despite".split())

# -- speakers before a cue (`attach`, `subjects`) --------------------------------------

# Words that stand for "every" or "none" ("Any sign of ...").
QUANTIFIERS = frozenset({"any", "every", "each", "no"})
# Words that open a subordinate clause ("While ..., according to X, ...").
SUBORDINATORS = frozenset(
    "when while as after before because since if until though although where that".split()
)
# Words after a cue that give it something of its own to report or to be about: after
# "as X reported" they make "as" a "while" (", as Washington warned against any deal").
CUE_TAKES = frozenset({"any", "against", "about", "of", "for", "that", "to"})
# Subordinators that open a clause setting the scene of a cue, not what was said: "...,
# he told his advisers as he worked on the speech".
SETTING_OPENERS = SUBORDINATORS - {"that", "if", "where"}
# Words that open a subordinate clause inside reported words ("a rise in profit after
# sales were boosted"): the reported clause's own verb comes before them.
CLAUSE_BREAKS = frozenset("after before because since although though until unless whereas".split())
# Words that open a relative clause, whose verb is not the reported clause's.
RELATIVE_WORDS = frozenset({"which", "who", "whom", "whose", "where"})
# Words that open a clause the writer frames, before ", X said, ..." ("a protest, after
# which, police said, someone threw a brick"); not "that", which may be the subject
# ("And that, he said, was in the works") or "though", an adverb as often ("Sometimes
# though, he said, ...").
FRAMING_WORDS = (RELATIVE_WORDS | SUBORDINATORS) - {"that", "though"}
# Prepositions that open a phrase before the clause ("For Trump, according to X, ...").
OPENING_PREPOSITIONS = frozenset({"for", "of", "among", "amid", "despite"})
# Conjunctions that join two names or two clauses.
CONJUNCTIONS = frozenset({"and", "but", "or", "so"})
# Conjunctions that join a second verb to its subject ("... and said").
AND_BUT = frozenset({"and", "but"})
# Subordinators that open a clause setting the scene for the one after it ("and when
# folks needed medicine, she asked ..."): not "that" or "as", which may report.
SCENE_SUBORDINATORS = SUBORDINATORS - {"that", "as"}
# Words that join a second clause with a subject of its own ("..., but the survey said").
CLAUSE_JOINERS = frozenset({"and", "but", "while", "whereas", "although", "though"})
# Conjunctions after which a lower-case word goes on the phrase before a quotation.
AND_BUT_OR = frozenset({"and", "but", "or"})
# Prepositions that may join a speaker's phrase right after a quotation.
OF_PLACE = frozenset("in of at for from with on".split())
# Auxiliaries that put a verb before its subject: a question or a condition ("should
# North Korea agree").
INVERTING = frozenset("should would could will did does do can may might must shall had".split())
# Auxiliaries: where a clause's verb stands ("maintains the case has no place").
AUXILIARIES = INVERTING | {"is", "are", "was", "were", "has", "have"}
# Forms of "go" in "went on to say".
GO_FORMS = frozenset("go goes went going".split())
# What someone "went on to" do that is saying something.
GOES_ON_TO = frozenset(
    "say add explain tell warn argue note claim insist suggest describe accuse criticise "
    "criticize praise ask urge predict stress question acknowledge admit recall compare "
    "call blame deny dismiss".split()
)
# Passive participles before a speaker's -ing cue: "can be heard asking".
PERCEIVED = frozenset({"heard", "seen", "shown"})
# Words before a participle cue that make it follow a clause ("before saying").
PARTICIPLE_LEADS = frozenset({"before", "after", "while", "by"})
# Relative pronouns of a thing that says ("the report, which notes", "bottles that said").
WHICH_THAT = frozenset({"which", "that"})
# Relative pronouns before a cue whose content is about their antecedent ("the plan,
# which she said was ...").
RELATIVE_PRONOUNS = frozenset({"which", "who", "whom"})
# Relative pronouns for a person: "Clinton, whom he described as ...".
PERSON_RELATIVES = frozenset({"who", "whom"})
# Relative pronouns that open an aside after a name ("Kirby, who spoke to reporters").
ASIDE_RELATIVES = frozenset({"who", "which"})
# The indefinite and definite articles: a role after a name opens with one.
ARTICLES = frozenset({"a", "an", "the"})
# Articles that open what was told, not whom ("told reporters the plan was ...").
TOLD_ARTICLES = frozenset({"the", "a"})
# Words that may stand between a comma and another attribution's cue ("..., with
# Lewandowski calling", "..., while the mayor said").
ATTRIBUTION_LEADS = frozenset({"with", "while", "the", "a", "an"})
# Subject pronouns of a clause ("maintained it was ...").
CLAUSE_PRONOUNS = frozenset({"it", "they", "we", "i"})
# Pronouns that can be a sentence's subject.
SUBJECT_PRONOUNS = frozenset({"he", "she", "they", "we", "i", "it"})
# The subject of a clause that says something exists ("there was a danger ...").
EXISTENTIAL = frozenset({"there"})
# Pronouns that can speak words in their own clause (`Merkel hailed ... "..."`).
SPEAKING_PRONOUNS = frozenset({"he", "she", "they", "we", "i"})

# Words of a time phrase ("on Monday", "last week", "again"): skipped between a speaker
# and the cue, and between the cue and what was said.
TIME_WORDS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday yesterday today tonight
    on earlier later last this week month year morning afternoon evening night
    mon tue wed thu fri sat sun again also ago long days weeks months years""".split()
)
# Words of the time of day and their modifiers, beside the time words: "just after
# midnight Tuesday", "early Monday".
CLOCK_WORDS = frozenset("midnight noon dawn dusk just shortly early late".split())
# Words before a time word that point ahead ("next week"), in lower case.
TIME_AHEAD = frozenset({"next"})
# Prepositions that open a setting ("in a statement", "at the briefing") or a phrase
# before the subject.
PREPOSITIONS = frozenset("in on at during to with before after about from by".split())
# Words that neither open nor close a description of a speaker: a role that starts or
# ends with one is words cut around a name ("however", "in England for", "letter from").
NOT_A_ROLE_START = frozenset(
    "in on at during to with before after about from by for of as than behind however "
    "meanwhile also then now still yet instead too though and but or so who whose which "
    "that known".split()
)
# Words that link a sentence to the one before ("Then", "But"): not its subject.
CONNECTIVES = frozenset(
    "then but and so yet still now later earlier meanwhile instead also however indeed , —".split()
)
# Nouns of a setting between speaker and cue ("Trump at the time said", "Kasich in an
# interview said").
SETTING_NOUNS = frozenset(
    "time week weekend day month year morning afternoon evening night statement interview "
    "speech briefing conference rally debate letter post email".split()
)
# Words that open a phrase or a clause before the subject of the sentence.
OPENING_WORDS = PREPOSITIONS | frozenset(
    "despite during after before while although though because since as when if once "
    "unless until whereas amid following upon".split()
)
# Adverbs set off by commas after a name ("Sanders, meanwhile, ...").
LINKING_ADVERBS = frozenset(
    "meanwhile however too though also instead then now moreover likewise similarly".split()
)
# Words that may stand in a subject's noun phrase besides capitals and role heads.
SUBJECT_JOINERS = frozenset({"the", "a", "an", "of", "'s", "’s", "-"})
# Lower-case words of a name ("Ludwig van Beethoven").
NAME_PARTICLES = frozenset({"of", "de", "van", "von"})
# Words after a comma that open an adverbial aside, not a role ("Pyongyang, for its
# part, ...").
ADVERBIAL_PREPOSITIONS = frozenset({"for", "of"})
# Prepositions after a name that tell where the person works ("David Woodard of Clemson
# University").
AFFILIATIONS = frozenset({"of", "at", "from", "with"})
# Endings of plural nouns that name people ("opponents", "supporters", "critics"), not
# things ("profits", "years").
PEOPLE_ENDINGS = ("ers", "ors", "ists", "ants", "ents", "ians", "ics", "ees", "men")
# Words that open an aside naming some of the speakers ("hawks, like Rubio, say").
EXAMPLE_OPENERS = frozenset({"like", "including", "such"})
# The word after "for" in an aside that tells how the sentence goes on ("for instance",
# "for its part").
ASIDE_FOR = frozenset("instance example its their his her our now".split())
# The pronoun after "many of", "some of" in an aside that tells part of the speakers ("His
# critics, many of them Catholics, argue").
PARTITIVE_PRONOUNS = frozenset({"them", "whom", "us"})

# -- content (`content`) ----------------------------------------------------------------

# Words that say a number is rough ("about half", "around 20"): a clause may open so.
APPROXIMATELY = frozenset({"about", "around", "roughly", "nearly", "almost", "over"})
# Two words before a number that bound it ("at least 111", "at most five", "as many as
# 3,000").
AT_LEAST = frozenset({("at", "least"), ("at", "most"), ("as", "many"), ("as", "few")})
# Words of quantity after them.
# Words that end the phrases after a participle before the verb of its clause: another
# clause or an infinitive ("called on the government to release men ... detained").
PHRASE_STOPS = frozenset({"that", "to", "and", "but", "or"})
# Words that open a condition: what someone says in it was not said ("if they said no").
CONDITIONALS = frozenset({"if", "unless"})
# How adjectives of a party or a nation end ("Democratic", "Republican", "British",
# "Chinese"): a capitalised word so ending before a plural is no subject before its verb.
NATIONAL_ENDINGS = ("ic", "an", "ish", "ese")
# The auxiliary "have" before a participle ("has coined", "had asked").
HAVE_FORMS = frozenset({"has", "have", "had"})
# "help" before a bare verb: what a thing does ("which helps explain why ...").
HELP_FORMS = frozenset({"help", "helps", "helped", "helping"})
# What a source asked not to be ("who asked not to be named"): how they spoke, not what.
UNNAMED = frozenset({"named", "identified", "quoted"})
# The indefinite articles: a singular noun follows.
INDEFINITE_ARTICLES = frozenset({"a", "an"})
# Words that open a noun phrase whose noun, with nothing between, is singular when it
# is not plural in form: "a household name", "her own daytime talk show".
SINGULAR_OPENERS = INDEFINITE_ARTICLES | frozenset("his her its their my our your".split())
# Nouns of a share of people, which take a plural verb after "a" ("a majority say").
SHARE_NOUNS = frozenset(
    "majority minority third quarter fifth half number lot few handful couple dozen".split()
)
QUANTITY_WORDS = frozenset(
    "half a one two three four five six seven eight nine ten dozen hundreds thousands "
    "millions".split()
)
# A reported clause does not start with these: "said as much", "say would be".
NOT_CLAUSE_START = frozenset(
    "would could will should might may must can is was were are has have had be been "
    "in at by for with from of to into about after before when while as during".split()
)
# Words after "as" that make "said as ..." no clause: "said as much", "said as well".
AS_PHRASES = frozenset({"much", "well", "such", "follows", "expected", "usual"})
# Stance verbs that report something only with an infinitive or a clause after them:
# "declined to comment" is a claim, "earnings declined sharply" is not.
INFINITIVE_ONLY = frozenset(
    "decline refuse plan seek want hope attempt intend threaten decide vow pledge promise".split()
)
# Verbs that report words only with a clause or a quotation: "maintained (that) the fees
# were fair", but "was maintaining a full readiness posture".
CLAUSE_ONLY = frozenset({"maintain"})
# Words after a cue's particle that leave the particle without an object ("voted for
# between 2006 and 2017").
STRANDING = frozenset("between since until among throughout".split())
# Particles of phrasal cues ("called for", "talked about").
PARTICLES = frozenset("for about on to against of with at out over up into back".split())
# Cues whose particle never opens content: "said to" is `filters`' to judge.
BARE_SAY = frozenset({"said", "says", "say"})
# Verbs of talking whose particle says to whom: "speaking to them".
TALK_VERBS = frozenset({"speak", "talk"})
# The particles after them that say to whom.
TALK_PARTICLES = frozenset({"to", "with", "at"})
# Words that open a clause after an appeal ("urged Moscow to ... that ...").
CLAUSE_WORDS = frozenset("that how whether why what if when who where".split())
# Verbs whose object is who was told ("told reporters that ...").
# Nouns whose "that" opens what they hold, not a clause of the verb before them ("refused
# to comment on speculation that ...", "the fact that ...").
THAT_NOUNS = frozenset(
    """speculation rumour rumours rumor rumors fear fears concern concerns hope hopes news
    fact idea belief view notion evidence reports suggestions claims allegations""".split()
)
# Verbs of asking, whose content is the question after whom ("asked the minister whether").
ASKING = frozenset({"ask"})
# What opens a question reported ("asked him if", "whether").
QUESTION_OPENERS = frozenset({"if", "whether"})
TELL_LIKE = frozenset(
    "tell assure reassure remind inform notify convince persuade warn promise brief".split()
)
# Words of whom an appeal was made to ("warned voters", "urged them").
OBJECT_WORDS = frozenset(
    "of 's ’s me us him her them you voters supporters americans people reporters".split()
)
# Cues that make an appeal, not a report, without a clause after their object.
OBJECT_CUES = frozenset(
    "warn warns warned warning urge urges urged urging ask asks asked accuse accuses "
    "accused caution cautions cautioned press presses pressed".split()
)
# Words that introduce who was told (skipped before the content: "told reporters").
RECIPIENTS = frozenset(
    "a the daily regular weekly news press reporters journalists lawmakers legislators "
    "briefing conference interview "
    "parliament congress senators supporters audience crowd delegates students viewers "
    "readers members officials committee hearing forum radio television newspaper paper "
    "magazine programme program channel station rally meeting gathering panel analysts "
    "investors shareholders employees staff workers court jury judge inquiry tribunal "
    "website".split()
)
# Words of a setting after ", she said" that the sentence resumes after ("she said in an
# interview, ...").
SETTING_WORDS = frozenset({"in", "an", "interview", "statement", "with", "of"})
# A second verb of saying after "and" that is the speaker's, not a verb of what they
# report ("said the mayor lied and claimed ..." reports the mayor's claim).
SAID_TOO = frozenset("said says added adds".split())
# Conjunctions that no reported clause opens with: after "a fantastic voice and great
# timing", "voice" was a noun, not a cue.
AND_OR = frozenset({"and", "or", "nor"})
# Verbs of how words sounded or of musing: they report a quotation, or a clause "that"
# opens ("he grumbled that ...", "she reflected that ..."); else they are nouns or say
# something else ("the telecoms boom petered out", "a snap election", "the projections
# reflected revenue losses").
QUOTING_CUES = frozenset(
    """shout yell scream chant whisper mutter exclaim cry sigh bark snap boom roar gush
    rave scoff snipe fume rant bellow grumble murmur hiss sneer reflect muse ponder
    marvel reason interject""".split()
)
# Verbs of saying whose content is an object ("called him divisive", "cast Clinton as
# unqualified", "praised the deal"), not a reported clause.
OBJECT_TAKING = frozenset(
    """
    call describe criticize criticise praise endorse defend attack blast slam question reject
    dismiss denounce condemn decry applaud welcome thank blame accuse mock cast compare liken
    label brand dub term hail tout ridicule lambaste rebuke chide scold taunt tease needle
    cite quote urge propose recommend request demand refer characterize portray depict
    release issue publish
    """.split()
)
# Verbs whose object follows them: a name after one is whom it judges or tells, never an
# inverted speaker ('"...," thanked Obama', '"...," reminded his staff' are no English);
# but a question, an appeal, a taunt or a warning may come before who made it ('"Why?"
# questioned Reyes', '"Stay home," warned the mayor').
OBJECT_FIRST_CUES = (OBJECT_TAKING | TELL_LIKE) - frozenset(
    """question urge propose recommend request demand quote mock chide scold taunt tease
    needle warn promise""".split()
)
# Past tenses of the irregular verbs of saying ("and told reporters ...").
FINITE_IRREGULAR = frozenset("told wrote thought knew saw felt spoke found sought swore".split())
# Where a claim's content stops: a comma and a word that starts another clause.
CONTENT_BREAKS = frozenset(
    "while whereas apparently according although though adding noting saying stressing "
    "warning insisting arguing claiming explaining acknowledging emphasizing underscoring "
    "reiterating suggesting asserting contending cautioning".split()
)

# -- speaker noun phrases (`mentions`, `people`, `resolver`) -----------------------------

# Capitalised words that are titles or parts of a role, not of a person's name.
TITLE_WORDS = frozenset(
    """president vice minister secretary spokesman spokeswoman spokesperson
    gen gen. general brig brig. lt lt. col col. adm adm. maj maj. sgt sgt. capt capt. cmdr
    const const. cst cst. cpl cpl. insp insp. supt supt. det det.
    sen sen. rep rep. gov gov. mr mr. mrs mrs. ms ms. dr dr. prof prof. rev rev. st. sir
    msgr msgr. fr fr. bishop archbishop cardinal
    ambassador chairman chairwoman chair director chief deputy press foreign defense defence
    department ministry office house state council committee party leader envoy special
    representative senator congressman congresswoman commander officer prime premier mp mep msp mla
    councillor councilor councilman councilwoman alderman trustee
    king queen pope judge justice attorney governor mayor chancellor counselor adviser doctor
    advisor analyst professor executive ceo chief-of-staff senior national security
    affairs unification finance treasury trade economy health interior justice energy
    spokespeople official officials agency administration government embassy white
    republican democrat democratic candidate nominee former acting assistant associate
    undersecretary under first lady speaker majority minority whip leader
    """.split()
)

# Head nouns of a phrase that can speak ("a Pentagon spokesperson", "the ministry").
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

# Pronouns that stand for a person speaking, with the gender they refer to.
PERSON_PRONOUNS = {"he": "m", "she": "f", "him": "m", "her": "f"}
# Pronouns that stand for a group or an organisation speaking.
GROUP_PRONOUNS = frozenset({"they", "we"})
# Every pronoun a speaker mention can be.
PRONOUNS = frozenset(PERSON_PRONOUNS) | GROUP_PRONOUNS | {"it", "i"}

# Words that open a noun phrase: articles, possessives, numbers and quantities.
DETERMINERS = frozenset(
    "the a an another one two three several some his her their its our my your many most few "
    "both all".split()
)
# Demonstratives, which open a speaker's phrase too ("this veteran organizer").
DEMONSTRATIVES = frozenset({"this", "these", "those"})
# Words of a definite description that refers back ("the spokesperson").
DEFINITE_OPENERS = frozenset({"the", "this", "that"})

# Words that cannot sit inside a speaker's noun phrase: reading backwards from a cue,
# the phrase starts after the nearest of them.
NP_STOP = frozenset(
    """despite without within upon via per like unlike toward towards across along among amongst
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
    swam woke exist continue happen matter stay change""".split()
)

# Words that are a verb in a tense wherever they stand: auxiliaries, modals and the
# irregular past and present forms the suffix rules miss ("went", "knew", "says"), but
# not those that are as often nouns ("cut", "shot", "cost"). A reported clause holds one
# of them, a verb in -ed, or a word after a subject pronoun.
FINITE_WORDS = frozenset(
    """is are was were am has have had do does did will would shall should can could may
    might must said says told tells wrote writes went goes came comes took takes made
    makes got gets gave gives kept keeps left leaves ran runs won wins lost loses sat
    sits stood stands sent sends spent spends held holds met meets brought brings bought
    buys fought fights sought seeks taught teaches caught catches led leads paid pays
    seems appears remains looks wants needs tries knew knows thought thinks saw sees
    felt feels found finds became becomes began begins blew threw drew grew flew rose
    fell broke chose drove rode wore tore struck stuck hung swung shook forgot forgave
    froze hid bit sang sank spun sprang stole swam woke meant means spoke speaks
    understood built builds fled fed bled bred dug slid sped sold bent lent wept slept
    swept crept dealt knelt leapt heard bore swore withdrew overthrew undertook overtook
    mistook forbade foresaw outran overcame befell upheld withheld beheld slew rang
    stung strung clung flung wrung dove drank shrank stank ate strove arose awoke wove
    strode smote begot""".split()
)
# A verb in a tense of its own by its form: an auxiliary or a finite word ("has", "was",
# "said", "told").
TENSED = AUXILIARIES | FINITE_WORDS
# Verbs whose past is their bare form ("the company cut 500 jobs", "Clinton put his name
# forward"): a verb only between a subject and what it takes, since most are nouns too
# ("a tax cut", "a hit single").
SAME_PAST = frozenset(
    "put cut set hit let shut cost hurt quit spread cast split bet bid burst shed thrust "
    "upset".split()
)
# Words before such a form that make it no verb of a tense: an infinitive's "to", a
# negation, "of" or "for" before a noun ("a share of cut flowers"), a conjunction, a
# relative's "that" ("a message that cast Clinton as ...").
NOT_BEFORE_VERB = frozenset("to not of for and or that".split())
# Words that open what such a verb takes: an article, a possessive, an object pronoun, a
# particle ("hit back", "set out").
SAME_PAST_OBJECTS = frozenset(
    "a an the this that these those his her its their our my your him them it us me "
    "back off up down out".split()
)
# Adverbs that stand between a subject and its verb: the word after one, after a noun,
# is the verb ("the location never shut", "the congressman also plans").
VERB_ADVERBS = frozenset(
    "also never still already probably now often always just even only reportedly "
    "actually really certainly clearly simply".split()
)
# Nouns that end as adverbs do: "the family said" is no "Reyes repeatedly said".
NOUNS_IN_LY = frozenset(
    "family families ally assembly rally supply monopoly anomaly homily bully".split()
)
# Demonstratives that are a clause's subject when they open it ("This includes ...").
SUBJECT_DEMONSTRATIVES = frozenset({"this", "that"})
# Subject pronouns after which the next word is a clause's verb ("she would", "they
# want").
CLAUSE_SUBJECTS = frozenset({"he", "she", "they", "we", "i", "you"})
# Endings of a contraction that hold a verb ("she'd", "it's", "they're", "don't"),
# straight and curly.
VERB_CONTRACTIONS = tuple(
    ending.replace("'", mark)
    for ending in ("n't", "'d", "'re", "'ve", "'ll", "'m")
    for mark in ("'", "’")
)
# Words whose "'s" is "is" or "has", not a possessive ("it's", "that's", "there's").
IS_CONTRACTED = frozenset(
    f"{word}{mark}s"
    for word in "it that there here what who he she everything nothing something".split()
    for mark in ("'", "’")
)

# Reflexive pronouns after a speaker's name, and the gender each tells ("Clinton herself").
REFLEXIVES = {"himself": "m", "herself": "f"}
# Verbs of a source that quotes someone: "Interfax quoted the minister as saying ...".
QUOTING_VERBS = frozenset({"quoted", "quotes", "quoting"})
# Verbs of issuing a statement or making a remark, whose subject is who says what it says
# ("The ministry issued a statement saying ...", "Sanders made the following comment:").
ISSUING_VERBS = frozenset({"release", "issue", "publish", "post", "make", "give", "deliver"})
# Nouns of something said aloud, which a verb of issuing may take ("made the following
# comment:", "gave this answer:").
SPOKEN_NOUNS = frozenset("comment comments remark remarks answer reply speech".split())
# Prepositions that open an aside telling where a person is from ("Jeff Joseph, from the
# Consumer Electronics Association (CEA) told").
ASIDE_FROM = frozenset({"from", "of", "at"})
# Words for whom a person has, between their possessive and a first name ("Edwards'
# sister Rachel"): the first name is the person the sentence is about.
KIN_WORDS = frozenset(
    "sister brother wife husband son daughter mother father partner widow widower "
    "girlfriend boyfriend fiancee fiance niece nephew cousin".split()
)
# Plurals of things sent that are no verb after a name ("Hillary Clinton emails released
# by ..."); not "calls" or "tweets", which names do.
SENT_PLURALS = frozenset({"emails", "e-mails", "letters", "memos", "messages", "statements"})
# Verbs of aspect before a cue in -ing, which belong to no speaker: "Smith kept saying",
# "the officials continue insisting", "she began telling reporters".
ASPECT_VERBS = frozenset(
    "keep keeps kept continue continues continued start starts started begin begins began "
    "begun".split()
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

# Titles that are common surnames: after any capitalised word that is no title, the
# surname ("Charlie King", "Jack White"), whatever the first name.
SURNAME_TITLES = frozenset({"king", "pope", "white"})
# Sentence-initial words that are never part of a name, though capitalised.
NOT_NAMES = frozenset(
    """despite although though because unless until whether while without within upon like
    during following including instead indeed perhaps maybe once now then later earlier
    today yesterday asked speaking writing meanwhile nevertheless nonetheless still
    the a an he she it they we i you but and or so yet in on at for to of by with
    from as if when while after before since this that these those there here what
    who why how obviously however meanwhile still also again moreover even only""".split()
)

# Words that join the words of a name or a role ("Bank of Korea", "bin Salman").
JOINERS = frozenset({"of", "for", "'s", "’s", "-", "&", "de", "van", "von", "al", "bin", "la"})
# Particles inside a person's name, in lower case between its capitalised words ("Alexis
# von Hoensbroech", "Ursula von der Leyen").
NAME_INSIDE_PARTICLES = frozenset(
    {"von", "van", "der", "den", "de", "du", "da", "di", "al", "bin", "la", "le"}
)
# Words that open the object or complement of a verb in -ing ("trying to ...",
# "campaigning for ...", "supporting the bill").
OBJECT_OPENERS = frozenset(
    "to for on with about against that the a an his her their its our this these those".split()
)
# Words that attach what a speaker knows to them ("people familiar with the matter", "a
# source close to the talks", "officials briefed on the plan", "a source with knowledge
# of the talks").
ATTACHING_PAIRS = frozenset(
    {("close", "to"), ("familiar", "with"), ("briefed", "on"), ("knowledge", "of")}
)
# Prepositions that attach a place or an organisation to a role ("a spokeswoman at ...").
ATTACH = frozenset({"at", "in", "with", "from", "to"})
# Prepositions of where a speaker is or whom a thing went to ("lawmakers in Washington").
PLACED = frozenset({"in", "to"})
# Prepositions after a noun that open whom or what it is about, not who speaks ("the
# charges against Olson", "the inquiry into Smith").
AGAINST_WHOM = frozenset({"against", "about", "into", "over"})
# Prepositions whose object is no participle's subject ("the premiere of her new movie
# saying ..."), unlike "with" ("with analysts saying ...").
OBJECT_PREPOSITIONS = frozenset({"of", "for", "at", "in", "on", "to", "from"})
# Words before a noun phrase that is their object, not a subject: a participle of saying
# after it is the sentence subject's ("at the premiere of her movie saying", "sounded
# like a broken record saying").
BEFORE_OBJECT = OBJECT_PREPOSITIONS | {"like"}
# Prepositions whose object a participle in -ed after it describes ("through JavaScript
# code posted on malicious sites", "with the rules issued in May").
NOUN_PREPOSITIONS = OBJECT_PREPOSITIONS | {"through", "via", "by", "with"}
# Prepositions that place a group where it sits ("Democrats on Capitol Hill").
PLACED_ON = frozenset({"in", "on", "at"})
# Prepositions of where someone was or what they are attached to ("A woman at the scene",
# "a spokeswoman from the ministry").
WHERE_PREPOSITIONS = PLACED_ON | ATTACH
# Prepositions that attach what a head noun belongs to ("spokeswoman for the Office").
BELONGS = frozenset({"for", "of"})
# Days and months: capitalised, never a name.
CALENDAR = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april "
    "june july august september october november december jan feb mar apr jun jul aug sep "
    "sept oct nov dec".split()
)
# Words that end an organisation or place inside a capitalised run: the person's name is
# what comes after ("United Nations Linda Thomas-Greenfield" -> "Linda Thomas-Greenfield").
ORG_TAILS = frozenset(
    """nations states korea kingdom union council department ministry house party agency
    service services news institute university bank corp co inc group committee office
    assembly congress parliament government administration pentagon kremlin media times
    post journal press tv radio network foundation association center centre court
    airlines airways motors holdings industries systems technologies ltd llc plc
    russia china japan iran america usa qatar ukraine europe seoul washington moscow
    beijing tokyo pyongyang""".split()
)
# Words a speaker's noun phrase does not start with, though they may stand before it.
NOT_OPENING = NOT_NAMES - DETERMINERS - DEMONSTRATIVES
# A sentence's first words that open a phrase before its subject ("In", "After").
SENTENCE_OPENERS = frozenset(
    """in on at after before during despite while although though because since as when
    if once unless until whereas amid following upon for with without from by asked
    last earlier later yesterday today""".split()
)
# Lower-case words that may stand before a name at the start of a sentence.
BEFORE_NAME = (ROLE_HEADS | DETERMINERS | {"former", "sen", "rep", "gov"}) - {
    "people",
    "residents",
    "voters",
}
# Capitalised words that open no person's name: numbers, quantities, adverbs, and the
# words that open a place's ("South Carolina", "New Hampshire").
NOT_PERSON_WORDS = frozenset(
    """zero four five six seven eight nine ten eleven twelve thirteen fifteen twenty
    thirty forty fifty hundred hundreds thousand thousands million millions dozens dozen
    mine yours ours theirs hers each every none nobody everyone everybody someone
    somebody anyone anybody no such other others sometimes overall otherwise likewise
    besides anyway together instead
    north south east west new""".split()
)
# Titles and roles of a person (not of an organisation), before a one-word name.
# Titles of the peerage that open a name with a place after it ("Lord Nicholls of
# Birkenhead", "Baroness Scotland of Asthal").
PEERAGE = frozenset("lord lady baroness baron earl viscount duke duchess".split())
PERSON_TITLES = frozenset(
    "mr mrs ms dr prof gen brig lt col maj sgt capt adm cmdr const cst cpl insp supt det sen "
    "rep gov president "
    "minister secretary spokesman spokeswoman spokesperson ambassador senator envoy councillor "
    "councilor chairman chairwoman director judge justice governor mayor chancellor king queen "
    "pope leader premier congressman congresswoman msgr fr rev bishop archbishop cardinal".split()
)
# Role words that name the same role.
SYNONYMS = {
    "spokesman": "spokesperson",
    "spokeswoman": "spokesperson",
    "spokespeople": "spokesperson",
}
# Courtesy titles: "Mr. Paulson" is a last name, not a first one; before a name they say
# nothing of a role ("Mr Blair").
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "sir", "dame"})
# Military and police ranks: a rank says who a person is, not which office they speak for.
RANKS = frozenset("gen brig lt col maj sgt capt adm cmdr const cst cpl insp supt det".split())
# Titles that tell a speaker is a woman, and those that tell a man.
FEMALE_TITLES = frozenset({"mrs", "ms", "miss", "madam", "queen", "spokeswoman", "chairwoman"})
MALE_TITLES = frozenset({"mr", "sir", "king", "spokesman", "chairman"})
# Suffixes after a name, not part of the last name.
NAME_SUFFIXES = frozenset({"Jr", "Sr", "II", "III", "IV"})
# Letters after a name set off by commas ("Jeff Terry, MD, chair of ..."): a degree, an
# office or an honour, written without their periods.
POST_NOMINALS = frozenset("MD PhD DDS RN Esq QC KC MP MSP MEP OBE MBE CBE".split())
# Capitalised words that are never part of a person's name.
NOT_IN_NAMES = TITLE_WORDS | ORG_TAILS | NOT_NAMES | CALENDAR
# Heads of a group that "it" does not stand for ("officials said ... It ...").
GROUP_HEADS = frozenset({"officials", "sources", "experts"})
# Nouns that stand for the company last named: "Apple ... The company said".
COMPANY_HEADS = frozenset(
    """company firm group giant maker retailer bank airline insurer operator chain lender
    carrier carmaker automaker drugmaker chipmaker manufacturer supermarket conglomerate""".split()
)
# What makes "the bank" or "the firm" a public one, never the company named before
# ("the central bank", "the state oil firm").
PUBLIC_MODIFIERS = frozenset("central state state-owned state-run federal national".split())
# Last words of the name of a body that is no company: "the airline" is not the "Air Line
# Pilots Association" named before it.
BODY_TAILS = frozenset(
    """union council department ministry party agency institute university committee office
    assembly congress parliament government administration foundation association court
    commission police""".split()
)
# Heads of a description that may speak for a body or be a person ("the government").
SPEAKING_HEADS = COMPANY_HEADS | BODY_TAILS
# Heads of a description that is a person ("the official", "the senator"): "he" or
# "she" after it may be the person last named.
# How words for a person end: fisherman, frontwoman, spokesperson, teacher, donor,
# economist, historian, actress.
PERSON_ENDINGS = ("man", "woman", "person", "er", "or", "ist", "ian", "ess")
PERSON_HEADS = frozenset(
    """spokesperson official minister secretary president envoy ambassador diplomat source
    analyst expert aide adviser advisor officer commander lawmaker senator leader chief
    director negotiator lawyer attorney economist professor candidate governor
    mayor champion star coach boss captain veteran nominee incumbent""".split()
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
    megyn katie katy meryl oprah jane jeanne
    adriana aisha alejandra alessandra amina ana anjali anne annie annika aoife
    astrid beatriz birgit bridget brigitte bronwen camila carla carmen caroline
    catriona cecilia celine cerys chantal chiara chloe claire clara claudia cristina
    daniela daphne delphine edith eileen elaine eleanor eliza ella ellen ellie erica
    erin esther eva fatima felicity fiona francesca gabriela gabrielle gemma
    genevieve georgina geraldine gillian giulia graciela greta harriet hazel heike
    helena holly imogen indira ines ingrid irene irina iris isabel isabelle jasmine
    joanna joanne jodie josephine judi karin kate katharine kathy katrin kirsten
    kirsty lakshmi lara leah leila lesley leticia lily liz lois lorna lorraine
    louisa louise lucia lucy luisa lydia mandy mariam mariana marion marjorie marta
    martina maureen meera melanie mia millie miriam molly monica nadia nadine naomi
    natalia nathalie neha nell niamh nora norma oksana olga paloma paola paula
    pauline penelope penny phoebe pilar polly pooja priya rachael raquel rebekah
    rita roberta rocio rosemary rosie ruby sabine sally sandrine serena shannon
    sheila sheryl sian silvia simona sinead siobhan sophie sunita suzanne svetlana
    sylvia sylvie tamsin tanya tara tatiana tessa tina tracey valentina valerie
    vanessa vera veronica wendy ximena yasmin yolanda yulia yvette yvonne zainab zoe
    lori tracy sue beth jenny maggie meg carrie alison gwyneth cate kylie britney keira
    nicola jacqui bianca jessie rosa amelia anita justine tamara whitney mariah
    beyonce shania patsy madeline""".split()
)
# Common first names of men ("hillary" is the woman's).
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
    gordon david jeremy angus
    abdullah ahmed akira alain alberto alejandro alessandro alexei alexey alfie
    alfonso alistair amit anders andre andrei andres anil antonio archie arjun
    armando arturo benoit bjorn callum carlos cian ciaran clive colin connor dafydd
    declan derek diego dieter dmitri dmitry eduardo emilio enrique eoin euan felipe
    fernando francesco francisco francois freddie gareth geoffrey gerhard gilles
    giovanni giuseppe gonzalo graeme guillaume guillermo gustavo hamid hamish hans
    harry hassan heinz helmut henrik hiroshi horst hussein ibrahim ignacio igor ivan
    jacques jaime jake javier joaquin jorge julio jurgen karim kenji khalid klaus
    lars laurent liam lorenzo luigi luis luke magnus mahmoud manmohan manuel marcel
    marcelo mario massimo mateo mathieu matteo michel miguel mikhail mohamed
    mohammed muhammad mustafa narendra niall nicolas nikolai nils olaf oleg olivier
    omar pablo padraig paolo pavel pedro philippe pierre piers rafael rahul rajesh
    ramesh rashid raul ravi rene ricardo roberto ruben rupert sanjay seamus
    sebastien sergei sergey sergio silvio stefan stefano sunil suresh sven takeshi
    tariq theo thierry toby trevor uwe vijay viktor wolfgang youssef yuri yusuf yves
    martin tom bob dick ron steve dan pete andy nick ian neil simon stuart hugh ed
    vince chuck mitch ali matt greg phil ken doug jon josh sam fred don tommy danny
    johnny eddie jimmy harvey howard leonard stanley francis marcus glenn barry leon alex
    max oliver charlie jeff kurt lewis ricky rob craig darren dave duncan ewan rhodri
    gavin adrian malcolm kenny ross brad bradley shane wes ray""".split()
) - {"hillary"}

# -- sentences and dates (`blocks`, `dates`) --------------------------------------------

# Abbreviations whose period ends no sentence ("Mr.", "Gen.", "Jan.").
ABBREVIATIONS = (
    frozenset(
        """mr mrs ms dr prof gen brig lt col maj sgt capt adm cmdr sen rep gov st jr sr rev
    inc corp co ltd no nos vs etc al fig jan feb mar apr jun jul aug sep sept oct nov dec
    mt ft gov dept est approx univ assn bros ave blvd msgr fr""".split()
    )
    | RANKS
)  # "Const. Mark Smith", "Cpl. Jane Doe"
# Words that typically start a sentence: after "U.S." one of them means a new sentence.
SENTENCE_STARTERS = frozenset(
    "the a an he she it they we i but and in on at this that these those there his her "
    "their its our after before when while as if however meanwhile still yet so".split()
)

# Month names and abbreviations, with their numbers.
MONTHS = {
    word: number
    for number, words in enumerate(
        """jan january|feb february|mar march|apr april|may|jun june|jul july|aug august|
        sep sept september|oct october|nov november|dec december""".split("|"),
        start=1,
    )
    for word in words.split()
}
# Weekday names and abbreviations, with their numbers (Monday is 0).
WEEKDAYS = {
    word: number
    for number, words in enumerate(
        """monday mon|tuesday tue tues|wednesday wed|thursday thu thur thurs|friday fri|
        saturday sat|sunday sun""".split("|")
    )
    for word in words.split()
}
# Weekday names in full, as a date's pattern reads them.
WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# Words before a weekday that say which week: "last Friday", "next Monday".
DATE_MODIFIERS = ("last", "next", "this", "coming", "previous", "past")
# Those that put the weekday after the article's date ("next Monday").
FORWARD_MODIFIERS = frozenset({"next", "coming"})
# Those that put it before, a week back when it is the same weekday ("last Tuesday").
BACKWARD_MODIFIERS = frozenset({"last", "previous", "past"})
# Days named relative to the article's date, with their offset in days.
RELATIVE_DAYS = {"yesterday": -1, "today": 0, "tomorrow": 1, "tonight": 0}

# -- punctuation ------------------------------------------------------------------------

# Marks that end a clause: each is a token of its own.
CLAUSE_MARKS = frozenset({";", ":", "—", "–"})
# Dashes that set off an aside ("figures — whose party ... — said").
ASIDE_DASHES = frozenset({"—", "–", "--"})
# Dashes that sign a quotation with the name after them ('"..." ― Steve Quinlan').
SIGNING_DASHES = frozenset({"—", "―", "–", "-"})
# Marks that may close a subordinate clause: a comma or a dash.
SUBORDINATE_ENDS = frozenset({","}) | ASIDE_DASHES | SIGNING_DASHES
# Marks that open an aside ('- "...," Elkins said -').
ASIDE_MARKS = frozenset({"-", "—", "–", "("})
# Marks that may stand between a quotation and its cue ('"...," - said').
BEFORE_CUE_MARKS = frozenset({",", "—", "–", "-", "'", "’"})
# Marks that may stand between a cue and the quotation it opens ('said: "..."').
AFTER_CUE_MARKS = frozenset({",", ":", "—", "–", "-"})
# Marks that introduce speech: 'said, "..."', 'said: "..."'.
INTRODUCING_MARKS = frozenset({",", ":"})
# Marks before a capitalised cue that let it start a clause ('"...," Said').
CUE_OPENING_MARKS = frozenset({'"', "“", "”", ","})
# Closing quotation marks ('"...," he said').
CLOSING_QUOTES = '"”»'
# Marks that end a speaker's phrase after the cue ("said a spokesman.").
PHRASE_ENDS = frozenset({",", ".", ";", "—", "–", "("})
# Marks that end an inverted speaker's role ("said Lee, an economist at X.").
ROLE_ENDS = frozenset({",", ".", ";"})
# Marks that end content or a clause's run ("told reporters, ...").
CONTENT_STOPS = frozenset({",", ";"})
# Closing brackets that end an aside ('("We never slept," Reyes said)').
CLOSING_BRACKETS = frozenset({")", "]"})
# Marks that may stand in a noun phrase ("Thomas-Greenfield", "AT&T", "Clinton's").
NP_MARKS = frozenset({"-", "&", "'", "’"})
# Marks that may stand in a speaker's phrase after a cue ("Thomas-Greenfield", "AT&T").
FORWARD_NP_MARKS = frozenset({"-", "&"})
# Possessive endings as tokens ("Trump 's").
POSSESSIVE_TOKENS = frozenset({"'s", "’s"})
# Apostrophes that stand for a possessive ("the Joneses' lawyer").
APOSTROPHES = frozenset({"'", "’"})
# Marks that end a sentence.
SENTENCE_ENDS = (".", "!", "?", "…")
# Marks that may close a quotation after a sentence's end.
CLOSING_MARKS = "\"”»'’"
# Characters trimmed from a claim's end: sentence punctuation and spaces.
END_PUNCTUATION = ".!? "
# Marks trimmed from the start of a content span.
CONTENT_HEAD_MARKS = ",;:—–"
# Marks trimmed from its end.
CONTENT_TAIL_MARKS = ",;:.—–"
# Marks trimmed from the end of a quotation's words once its marks are taken off.
QUOTED_TAIL_MARKS = ",.;: "
# Quotation marks, each style ("''" stands for one straight double mark).
QUOTE_MARKS = ('"', "“", "”", "«", "»", "''")
# Quotation marks that close a quotation.
CLOSING_QUOTE_MARKS = ('"', "”", "»", "''")

# Words a title writes in lower case ("Fox and Friends", "The Art of the Deal").
TITLE_SMALL_WORDS = frozenset("a an the and or of in on at to for with by".split())
