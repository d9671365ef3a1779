"""What a statement does, read from what it says. Blaming ("said Kyiv bears responsibility
for the shelling") accuses (112); announcing one's own future help commits (03) and one's own
future force threatens (13); "will not go unanswered", "would pose a danger to" warn (13);
calling an act reckless or a crime criticises (111), a sign of support praises (051); telling a
party to act demands (10), and ordering one's own forces into operations is a show of force
(15); what a party is told of ("informed X of its objections") is the act made known.

The rules read the dependency structure: the speech verb, its clausal complement, the
complement's auxiliaries, negation and predicate, and whose side the actors are on; the words
they need are classes of kg/data/words.tsv.
"""
from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from kg.codebook import Code, Root, has_root, intent_code, is_violent, threat_code
from kg.extract.frame import Candidate, Draft, SentenceFrame
from kg.extract.mentions import event_mention
from kg.extract.modality import modality_of
from kg.extract.roles import nominal_roles, participants_of, verbal_roles
from kg.extract.syntax import conjuncts_of, subject_of
from kg.extract.timing import governing_time
from kg.lexicon import Trigger
from kg.model import EntityMention, EventMention, evolve
from kg.temporal.tense import FUTURE_AUX
from kg.text import name_key
from kg.words import WordClasses

if TYPE_CHECKING:
    from spacy.tokens import Token

    from kg.reference.countries import Country

__all__ = ["Typed", "reporter_of", "reported_events", "clauses_of", "content_act", "content_of",
           "quoted_act", "act_beside", "blame_of", "commitment", "warning_of", "evaluation_of",
           "find_evaluations", "fuse_told_content", "judged_roles", "directive", "same_side",
           "first_person", "future_act", "reprisal_of", "reprisal_noun", "vowed_reprisal",
           "find_declared_states", "drop_given_reprisals",
           "find_declined_comment", "warned_of_other",
           "document_issuer", "first_party_before"]

# Acts a party may make known by telling another of them: objections, demands, threats, breaks.
_TOLD_ROOTS = (Root.DEMAND, Root.DISAPPROVE, Root.REJECT, Root.THREATEN, Root.REDUCE_RELATIONS)
# What a statement amounts to: its code, whom it is aimed at, and the clause that says so.
Typed = tuple[str, tuple[EntityMention, ...], "Token"]
# Dependencies that lead from a speech verb into what it reports.
_CLAUSE = {"ccomp", "parataxis"}
_REPORTED_PATH = {"conj", "xcomp", "aux", "dobj", "pobj", "prep", "nsubj", "nsubjpass"}
_FIRST_PERSON = {"we", "i", "our", "my"}
# Predicates of a copular clause and of "called X Y".
_PREDICATE = {"acomp", "attr", "oprd", "xcomp"}
# "would" reports a future act in the past ("said it would retaliate").
_FUTURE_IN_PAST = {"would", "'d"}
_QUOTE_MARKS = {'"', "“", "”"}


def reporter_of(tok: "Token", words: WordClasses) -> "Token | None":
    """The reporting verb whose clause holds ``tok`` ("... said [Y had attacked]"), if any."""
    cur = tok
    for _ in range(4):
        if cur.head.i == cur.i:
            return None
        if cur.dep_ in {"ccomp", "parataxis"} and cur.head.lemma_.lower() in words["report_verb"]:
            return cur.head
        if cur.dep_ not in _REPORTED_PATH:
            return None
        cur = cur.head
    return None


def reported_events(verb: "Token", frame: SentenceFrame) -> Iterator[tuple[Candidate, Draft]]:
    """The live candidates whose clause ``verb`` reports, each with its own roles."""
    words = frame.res.words
    for i, c in frame.live():
        if c.token.i == verb.i:
            continue
        reporter = reporter_of(c.token, words)
        if reporter is None or reporter.i != verb.i:
            continue
        inner = Draft(c, frame.anchors.get(i, c.token))
        inner = verbal_roles(inner, frame) if c.verbal or c.trigger.pos == "ADJ" else nominal_roles(inner, frame)
        yield c, inner


def future_act(tok: "Token") -> bool:
    """ "will retaliate", "would provide": an act still to come, not denied."""
    kids = list(tok.children)
    if any(c.dep_ == "neg" for c in kids):
        return False
    # an auxiliary, not a governing verb: "decided to withdraw" tells of a decision taken
    return any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX | _FUTURE_IN_PAST for c in kids)


def commitment(reported: list[tuple[Candidate, Draft]], speakers: tuple[EntityMention, ...],
               frame: SentenceFrame) -> Typed | None:
    """When the statement announces the speaker's own future act: help, a release or a
    withdrawal is an intent (03), force, sanctions or a break a threat (13)."""
    for cand, inner in reported:
        if not future_act(inner.anchor) or not same_side(inner.sources, speakers, frame):
            continue
        code = intent_code(cand.cameo) or threat_code(cand.cameo)
        if code:
            return code, tuple(m for m in inner.targets if m not in speakers), cand.token
    return None


def first_person(tok: "Token") -> bool:
    """ "We hold X responsible", "I have ordered", "our forces will": the speaker acts, whoever
    reports it."""
    return any(s.lower_ in _FIRST_PERSON or any(c.dep_ == "poss" and c.lower_ in _FIRST_PERSON for c in s.children)
               for s in subject_of(tok)[0])


def same_side(actors: tuple[EntityMention, ...], speakers: tuple[EntityMention, ...],
              frame: SentenceFrame) -> bool:
    """Do ``actors`` act for the speaker: "it", "we", the speaker itself, or the state the
    speaker speaks for ("Biden said Washington would ...", "Russia's ministry said Russian
    forces ...")?"""
    if not actors or not speakers:
        return False
    texts = {name_key(s.text) for s in speakers}
    if any(m.label == "PRON" or m in speakers or name_key(m.text) in texts for m in actors):
        return True
    mine = set().union(*(_sides(s, frame) for s in speakers))
    return any(_sides(m, frame) & mine for m in actors)


def _sides(m: EntityMention, frame: SentenceFrame) -> set[str]:
    """The states and bodies a mention stands for, by its name, title words and the reference
    tables: "Kremlin spokesman Dmitry Peskov" -> {russia}, "Joe Biden" -> {united-states}."""
    ref = frame.res.reference
    out: set[str] = set()
    person = ref.people.by_key.get(ref.names.key(m.text))
    if person is not None and person.affiliation:
        out.add(person.affiliation)
    org = ref.organisations.orgs.get(name_key(m.text))
    if org is not None:
        out |= {org.id} | ({org.affiliation} if org.affiliation else set())
    phrase = (m.context or m.text).replace("'s", " ").replace("’s", " ").split()
    # pairs before single words: "North Korean", "South Sudan" name a state only together
    pairs = [i for i in range(len(phrase) - 1) if _country(" ".join(phrase[i:i + 2]), frame)]
    paired = {j for i in pairs for j in (i, i + 1)}
    for w in [" ".join(phrase[i:i + 2]) for i in pairs] + [w for j, w in enumerate(phrase) if j not in paired]:
        country = _country(w, frame)
        if country is not None:
            out.add(country.id)
        seat = ref.organisations.seats.get(name_key(w))
        if seat is not None:
            out.add(seat.affiliation or seat.id)
    if m.label == "GPE":  # "Washington would ...": a capital speaks for its state
        low = m.text.lower()
        out |= {c.id for c in ref.countries.by_iso.values() if c.capital and c.capital.lower() == low}
    return out


def _country(word: str, frame: SentenceFrame) -> "Country | None":
    """The state a word or pair of words names or is the demonym of."""
    ref = frame.res.reference
    return ref.countries.for_name(word) or ref.countries.for_demonym(word)


def _polarity(tok: "Token", words: WordClasses) -> str | None:
    """ "reckless", "an act of genocide", "not helpful" -> "-"; "a sign of support" -> "+";
    "was not reckless" -> None (denying a fault praises no one)."""
    found = None
    for t in tok.subtree:
        low, lemma = t.lower_, t.lemma_.lower()
        negated = any(c.dep_ == "neg" for c in (*t.children, *t.head.children))
        if low in words["disapproval_word"] or lemma in words["disapproval_word"]:
            return None if negated else "-"
        if found is None and (low in words["approval_word"] or lemma in words["approval_word"]):
            found = "-" if negated else "+"
    return found


def evaluation_of(clauses: list["Token"], speakers: tuple[EntityMention, ...],
                  frame: SentenceFrame) -> Typed | None:
    """ "X said the intercept was reckless", "said the jets acted in an unsafe manner": a statement
    whose clause judges an act or a party negatively criticises (111) whom it judges."""
    words = frame.res.words
    for clause in clauses:
        # "flew in front of the drone in a reckless and unprofessional manner"
        manner = [p for c in clause.subtree if c.dep_ == "prep" and c.lower_ == "in" and c.head.i in
                  {clause.i} | {k.i for k in clause.children} for p in c.children
                  if p.dep_ == "pobj" and p.lemma_.lower() in words["manner_noun"]]
        if any(_polarity(p, words) == "-" for p in manner):
            judged = _judged(subject_of(clause)[0], frame)
            return Code.CRITICIZE, tuple(m for m in judged if not same_side((m,), speakers, frame)), clause
        if clause.lemma_ != "be":
            continue
        # "is noteworthy because of how unsafe it was": the reason given judges too
        preds = [p for p in clause.children if p.dep_ in {"acomp", "attr"} or
                 p.dep_ in {"prep", "advcl"} and (p.lower_ == "because" or
                                                  any(m.dep_ == "mark" and m.lower_ == "because" for m in p.children))]
        if any(_polarity(p, words) == "-" for p in preds):
            judged = _judged(subject_of(clause)[0], frame)
            return Code.CRITICIZE, tuple(m for m in judged if m not in speakers), clause
    return None


def clauses_of(verb: "Token") -> list["Token"]:
    """The clauses a speech verb reports, with their coordinated clauses, and a quotation the
    parser joins to the verb itself ("A, X told reporters, but this one \"is reckless\"")."""
    return [c for clause in verb.children if clause.dep_ in _CLAUSE for c in conjuncts_of(clause)] + \
        [c for c in verb.children if c.dep_ == "conj" and c.i > verb.i and _quoted_clause(c)]


def _quoted_clause(tok: "Token") -> bool:
    """A clause of its own (with a subject) whose words are in quotation marks."""
    return any(c.dep_ in {"nsubj", "nsubjpass"} for c in tok.children) and \
        any(t.text in _QUOTE_MARKS for t in tok.subtree)


def _modal_future(tok: "Token") -> bool:
    return any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX | _FUTURE_IN_PAST for c in tok.children)


def content_act(verb: "Token", speakers: tuple[EntityMention, ...], frame: SentenceFrame) -> Typed | None:
    """What the clause a statement reports makes of it: blame or a claim of responsibility, a
    commitment or threat of one's own future act, a warning, a judgement; None for plain news."""
    return content_of(clauses_of(verb), list(reported_events(verb, frame)), speakers, frame)


def content_of(clauses: list["Token"], reported: list[tuple[Candidate, Draft]],
               speakers: tuple[EntityMention, ...], frame: SentenceFrame) -> Typed | None:
    """The act that ``clauses`` (with the events ``reported`` in them) make of a speaker's words."""
    return blame_of(clauses, speakers, frame) or reprisal_of(clauses, speakers, frame) or \
        commitment(reported, speakers, frame) or warning_of(clauses, speakers, frame) or \
        evaluation_of(clauses, speakers, frame)


def reprisal_noun(tok: "Token", words: WordClasses) -> "Token | None":
    """The object of ``tok`` that names a reprisal: "revenge", "retaliation", "reprisals", or a
    "response" / "answer" qualified as force ("a crushing response", "a befitting answer"); a
    reprisal named as a reason ("in retaliation for") is no object and not read here."""
    for obj in (c for c in tok.children if c.dep_ == "dobj"):
        lemma = obj.lemma_.lower()
        if lemma in words["reprisal_noun"]:
            return obj
        if lemma in words["response_noun"] and \
                any(c.dep_ == "amod" and c.lower_ in words["reprisal_adjective"] for c in obj.children):
            return obj
    return None


def reprisal_of(clauses: list["Token"], speakers: tuple[EntityMention, ...],
                frame: SentenceFrame) -> Typed | None:
    """ "said its forces will give a befitting response", "we will deliver a painful retaliation":
    the speaker's side promising a reprisal of its own threatens (13)."""
    words = frame.res.words
    for clause in clauses:
        obj = reprisal_noun(clause, words)
        if obj is None or not _modal_future(clause) or any(c.dep_ == "neg" for c in clause.children):
            continue
        subjects = subject_of(clause)[0]
        actors = tuple(participants_of(subjects, frame.index, words))
        if first_person(clause) or not subjects or same_side(actors, speakers, frame):
            return Code.THREATEN, tuple(m for m in _aimed(obj, frame) if m not in speakers), clause
    return None


def _aimed(obj: "Token", frame: SentenceFrame) -> list[EntityMention]:
    """Whom a reprisal is aimed at: "revenge against X", "a response to X's aggression"."""
    heads = [p for c in obj.children if c.dep_ == "prep" and c.lower_ in {"against", "on", "to"}
             for p in c.children if p.dep_ == "pobj"]
    return _judged(heads, frame)


def vowed_reprisal(draft: Draft, frame: SentenceFrame) -> Draft:
    """ "vowed revenge", "promised a crushing response", "pledged merciless retaliation": a
    commitment whose object is a reprisal is a threat (13), aimed at whom the reprisal is."""
    tok = draft.cand.token
    if not has_root(draft.cand.cameo, Root.INTENT) or any(c.dep_ == "neg" for c in tok.children):
        return draft
    obj = reprisal_noun(tok, frame.res.words)
    if obj is None:
        return draft
    aimed = tuple(m for m in _aimed(obj, frame) if m not in draft.sources)
    return evolve(draft, cand=evolve(draft.cand, cameo=Code.THREATEN), targets=aimed or draft.targets)


def find_declared_states(frame: SentenceFrame) -> SentenceFrame:
    """ "declared a state of siege", "placed the provinces under a state of internal armed
    conflict", "imposed martial law": declaring emergency rule is that rule (175), whatever the
    state is called."""
    words = frame.res.words
    cands = dict(frame.candidates)
    for tok in frame.sent:
        if tok.pos_ != "VERB" or tok.i in cands or tok.lemma_.lower() not in words["emergency_verb"]:
            continue
        objs = [c for c in tok.children if c.dep_ in {"dobj", "oprd"}]
        objs += [p for h in [tok] + objs for c in h.children if c.dep_ == "prep" and c.lower_ in {"in", "under"}
                 for p in c.children if p.dep_ == "pobj"]
        if any(_emergency_rule(o, words, set(cands)) for o in objs):
            cands[tok.i] = Candidate(tok, Trigger(tok.lemma_.lower(), "VERB", Code.EMERGENCY_RULE, "act"),
                                     Code.EMERGENCY_RULE)
    return evolve(frame, candidates=cands)


def drop_given_reprisals(frame: SentenceFrame) -> SentenceFrame:
    """ "will deliver a painful retaliation", "gave a befitting response": what is given is a
    reprisal, not aid or a concession; the giving is no event of its own (a statement of it
    threatens, read by reprisal_of)."""
    words = frame.res.words
    drop = {i for i, c in frame.candidates.items()
            if c.verbal and c.trigger.frame == "act" and not is_violent(c.cameo) and
            reprisal_noun(c.token, words) is not None}
    if not drop:
        return frame
    return evolve(frame, candidates={i: c for i, c in frame.candidates.items() if i not in drop})


def document_issuer(draft: Draft, frame: SentenceFrame) -> Draft:
    """ "A statement from the ministry said", "the army's communique urged", "The statement
    advised X to withdraw": a document speaks for whoever issued it, the party it is "from",
    "of" or "by", or, for "the statement" named before, the first party of the sentence before."""
    words = frame.res.words
    if draft.sources:
        return draft
    docs = [s for s in subject_of(draft.cand.token)[0] if s.lemma_.lower() in words["document_noun"]]
    if not docs:
        return draft
    owners = [c for d in docs for c in d.children if c.dep_ == "poss"] + \
        [p for d in docs for c in d.children if c.dep_ == "prep" and c.lower_ in {"from", "of", "by"}
         for p in c.children if p.dep_ == "pobj"]
    issuers = participants_of(owners, frame.index, words)
    if not issuers and any(c.dep_ == "det" and c.lower_ in {"the", "this", "that"} for c in docs[0].children):
        issuers = first_party_before(frame)
    return evolve(draft, sources=tuple(issuers)) if issuers else draft


def first_party_before(frame: SentenceFrame) -> list[EntityMention]:
    """The first acting party named in the sentence before ``frame``'s (its usual subject)."""
    sent = frame.sent
    if sent.start == 0:
        return []
    before = sent.doc[sent.start - 1].sent
    named = [m for m in frame.index.mentions if before.start_char <= m.start < before.end_char and m.role == "actor"]
    return [min(named, key=lambda m: m.start)] if named else []


def find_declined_comment(frame: SentenceFrame) -> SentenceFrame:
    """ "declined to comment", "refused to elaborate": saying nothing is a statement (011), no
    rejection of anything."""
    words = frame.res.words
    cands = dict(frame.candidates)
    for i, c in frame.candidates.items():
        if c.verbal and has_root(c.cameo, Root.REJECT) and c.token.lemma_.lower() in words["decline_verb"] and \
                any(x.dep_ == "xcomp" and x.lemma_.lower() in words["comment_verb"] for x in c.token.children):
            cands[i] = evolve(c, cameo=Code.DECLINE_COMMENT)
    return evolve(frame, candidates=cands)


def warned_of_other(draft: Draft, frame: SentenceFrame) -> Draft:
    """ "warned that Moscow could launch an offensive", "warned it had indications X may be
    preparing an attack": what is warned of is another party's act, so the warning is a
    statement (01) about it; a threat (13) only when the act is the speaker's own."""
    tok = draft.cand.token
    if not has_root(draft.cand.cameo, Root.THREATEN) or tok.lemma_.lower() not in frame.res.words["warn_verb"] or \
            warning_of(clauses_of(tok), draft.sources, frame):  # "warned X's strikes will not go unanswered"
        return draft
    acts = [t for t in tok.doc[tok.sent.start:tok.sent.end] if t.i in draft.cand.absorbed] or \
        [c for c in tok.children if c.dep_ in _CLAUSE]
    for act in acts:
        cur = act
        while cur.i != tok.i and not any(c.dep_ == "nsubj" for c in cur.children) and cur.head.i != cur.i:
            cur = cur.head
        if cur.i == tok.i:
            continue
        agents = tuple(participants_of(subject_of(cur)[0], frame.index, frame.res.words))
        if agents and not any(m.label == "PRON" for m in agents) and not same_side(agents, draft.sources, frame):
            return evolve(draft, cand=evolve(draft.cand, cameo=Code.STATEMENT), targets=())
    return draft


def _emergency_rule(obj: "Token", words: WordClasses, found: set[int]) -> bool:
    """ "martial law", "a state of siege", "a state of internal armed conflict" (not a state of
    emergency already found as an event of its own)."""
    lemma = obj.lemma_.lower()
    if obj.i in found:
        return False
    if lemma == "law":
        return any(c.lower_ == "martial" for c in obj.children)
    if lemma not in words["state_noun"]:
        return False
    return any(p.lemma_.lower() in words["emergency_state"] and p.i not in found
               for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"
               for p in c.children if p.dep_ == "pobj")


def quoted_act(frame: SentenceFrame, speakers: tuple[EntityMention, ...]) -> Typed | None:
    """The act of a sentence quoted without a reporting verb of its own, once the quote's
    speaker is known ("... bears responsibility for these crimes. ...," the president said)."""
    root = frame.sent.root
    if root.lemma_.lower() in frame.res.words["report_verb"]:
        return None
    clauses = conjuncts_of(root)
    at = {c.i for c in clauses}
    reported = []
    for i, c in frame.live():
        if c.token.i in at or frame.anchors.get(i, c.token).i in at:
            inner = Draft(c, frame.anchors.get(i, c.token))
            inner = judged_roles(verbal_roles(inner, frame) if c.verbal else nominal_roles(inner, frame), frame)
            if first_person(inner.anchor):  # "we", "our forces": the quote's speaker
                if c.trigger.frame in {"accuse", "judge"}:
                    return c.cameo, tuple(m for m in inner.targets if m not in speakers), c.token
                inner = evolve(inner, sources=speakers)
            reported.append((c, inner))
    return content_of(clauses, reported, speakers, frame)


def act_beside(verb: "Token", typed: Typed, speakers: tuple[EntityMention, ...], frame: SentenceFrame) -> EventMention:
    """The typed act of one clause of a statement that says more ("is not interested in a war,
    but will not hesitate to act"): an event beside the statement, on the clause's words."""
    code, targets, clause = typed
    times = governing_time(verb, frame.time_at) or frame.fallback
    return event_mention(frame.article_id, code, clause, frame.sent, sources=speakers, targets=targets,
                         times=times, modality=modality_of(verb, bool(frame.time_at.get(verb.i)), frame.res.words),
                         anchor=verb, headline=frame.headline, confidence=0.6)


def blame_of(clauses: list["Token"], speakers: tuple[EntityMention, ...],
             frame: SentenceFrame) -> Typed | None:
    """ "said Kyiv bears full responsibility for the shelling": an accusation (112) of Kyiv;
    "said it was responsible": the speaker's side claims the act (015), or denies it (016)."""
    words = frame.res.words
    for clause in clauses:
        objs = [c for c in clause.children if c.dep_ in {"dobj", "acomp", "attr"}]
        if clause.lemma_.lower() not in words["bear_verb"] | {"be"} or \
                not any(o.lemma_.lower() in words["responsibility_word"] for o in objs):
            continue
        parties = tuple(participants_of(subject_of(clause)[0], frame.index, words))
        negated = any(c.dep_ == "neg" for c in clause.children)
        if not parties:
            continue
        if same_side(parties, speakers, frame):
            return (Code.DENY_RESPONSIBILITY if negated else Code.CLAIM_RESPONSIBILITY), (), clause
        if not negated:
            return Code.ACCUSE, tuple(m for m in parties if m not in speakers), clause
    return None


def warning_of(clauses: list["Token"], speakers: tuple[EntityMention, ...],
               frame: SentenceFrame) -> Typed | None:
    """ "said the strikes will not go unanswered", "will not hesitate to act", "would pose a
    great danger to the captives": a warning, a threat (13) to whom the clause names."""
    words = frame.res.words
    for clause in clauses:
        if not _modal_future(clause):
            continue
        negated = any(c.dep_ == "neg" for c in clause.children)
        said = [clause] + [c for c in clause.children if c.dep_ in _PREDICATE]
        litotes = negated and any(t.lemma_.lower() in words["unanswered_word"] or t.lower_ in words["unanswered_word"]
                                  for t in said)
        # "the strikes will not go unanswered" aims at whose strikes they are; "we will not
        # hesitate" names who acts, not at whom
        danger = not negated and clause.lemma_.lower() in words["pose_verb"] and \
            any(c.dep_ == "dobj" and c.lemma_.lower() in words["danger_noun"] for c in clause.children)
        if litotes or danger:
            unanswered = [p for p in clause.children if p.dep_ in _PREDICATE and p.lower_ in words["unanswered_word"]]
            aimed = _judged(subject_of(clause)[0], frame) if unanswered else []
            return Code.THREATEN, tuple(m for m in aimed if not same_side((m,), speakers, frame)), clause
    return None


def _judged(toks: list["Token"], frame: SentenceFrame) -> list[EntityMention]:
    """The parties an evaluation is about: a party named, or the agent of an act named
    ("Mali's expulsion of the mission", "the expulsion by Mali", "the Russian strikes")."""
    index, words = frame.index, frame.res.words
    out = participants_of(toks, index, words)
    for t in toks:
        cand = frame.candidates.get(t.i)
        if cand is not None and not cand.verbal:
            acts = nominal_roles(Draft(cand, frame.anchors.get(t.i, t)), frame).sources
        else:
            acts = tuple(participants_of([c for c in t.children if c.dep_ in {"poss", "amod", "compound"}],
                                         index, words))
        out += [m for m in acts if m not in out]
    return out


def find_evaluations(frame: SentenceFrame) -> SentenceFrame:
    """ "France called the expulsion a grave mistake", "calling the visit a sign of support":
    naming an act or a party with a judgement is criticising (111) or praising (051) it."""
    words = frame.res.words
    cands = dict(frame.candidates)
    for tok in frame.sent:
        if tok.pos_ != "VERB" or tok.i in cands or \
                tok.lemma_.lower() not in words.union("naming_verb", "designation_verb", "hold_verb"):
            continue
        if any(c.dep_ == "prt" or c.dep_ == "prep" and c.i == tok.i + 1 and c.lower_ in {"for", "on"}
               for c in tok.children):
            continue  # "called for talks", "called on X": appeals, read elsewhere
        # "called X a mistake", "described X as terrorism" (the "as" may hang on X)
        objs = [c for c in tok.children if c.dep_ == "dobj"]
        heads = [tok] + objs
        # an adjective after the object is its predicate, whatever the parser says ("called the
        # manoeuvres reckless")
        preds = [a for o in objs for a in o.children if a.dep_ == "amod" and a.i > o.i] + \
            [c for c in tok.children if c.dep_ in _PREDICATE] + \
            [p for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ == "as"
             for p in c.children if p.dep_ == "pobj"]
        if tok.lemma_.lower() in words["hold_verb"]:
            # "we hold the enemy fully responsible for this aggression": blaming it (112)
            if any(p.lemma_.lower() in words["responsibility_word"] for p in _predicates(tok)) and \
                    not any(c.dep_ == "neg" for c in tok.children):
                cands[tok.i] = Candidate(tok, Trigger(tok.lemma_.lower(), "VERB", Code.ACCUSE, "judge"), Code.ACCUSE)
            continue
        if not any(c.dep_ == "dobj" for c in tok.children):
            continue
        if tok.lemma_.lower() in words["designation_verb"]:
            # "designated the militias as terrorist organisations": outlawing them coerces
            if any(t.lower_ in words["outlaw_word"] for p in preds for t in p.subtree):
                cands[tok.i] = Candidate(tok, Trigger(tok.lemma_.lower(), "VERB", Code.ADMINISTRATIVE_SANCTIONS, "act"),
                                         Code.ADMINISTRATIVE_SANCTIONS)
            continue
        polarity = next((p for p in (_polarity(x, words) for x in preds) if p), None)
        if polarity is None:
            continue
        code = Code.CRITICIZE if polarity == "-" else Code.PRAISE
        cands[tok.i] = Candidate(tok, Trigger(tok.lemma_.lower(), "VERB", code, "judge"), code)
    return evolve(frame, candidates=cands)


def _predicates(tok: "Token") -> list["Token"]:
    """What a naming or holding verb says of its object: "called it [a mistake]", "held X
    [responsible]" (the parser may make the small clause a ccomp)."""
    return [c for c in tok.children if c.dep_ in _PREDICATE or c.dep_ == "ccomp" and c.pos_ == "ADJ"]


def fuse_told_content(frame: SentenceFrame) -> SentenceFrame:
    """ "informed Turkey of its objections to the deal", "notified the UN of its rejection": what
    a party is told of is the act; the telling is how it was made known, one event."""
    cands, absorbed = dict(frame.candidates), set(frame.absorbed)
    for i, cand in sorted(frame.candidates.items()):
        if i in absorbed or cand.trigger.frame != "say" or not cand.verbal:
            continue
        # the "of" may hang on the party told ("informed [the United States of its demand]")
        heads = [cand.token] + [c for c in cand.token.children if c.pos_ in {"NOUN", "PROPN"} and
                                c.dep_ in {"dobj", "dative", "npadvmod"}]
        told = [p for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ in {"of", "about"}
                for p in c.children if p.dep_ == "pobj"]
        inner = next((cands[p.i] for p in told if p.i in cands and p.i not in absorbed), None)
        if inner is None or not inner.nominal or not has_root(inner.cameo, *_TOLD_ROOTS):
            continue
        cands[i] = evolve(cand, cameo=inner.cameo, absorbed=cand.absorbed | {inner.token.i})
        absorbed.add(inner.token.i)
    return evolve(frame, candidates=cands, absorbed=frozenset(absorbed))


def judged_roles(draft: Draft, frame: SentenceFrame) -> Draft:
    """Whom a judgement is about: the party named as its object, or the agent of the act."""
    if draft.cand.trigger.frame != "judge":
        return draft
    preds = _predicates(draft.cand.token)
    # "held [the enemy responsible]": the judged may be the predicate's own subject
    objs = [c for c in draft.cand.token.children if c.dep_ == "dobj"] + \
        [s for p in preds for s in p.children if s.dep_ == "nsubj"]
    # "called the attacks Armenia's policy of ...": whose the judged act is, by the predicate
    owners = [s for p in preds for s in p.children if s.dep_ == "poss"]
    judged = [m for m in _judged(objs, frame) + participants_of(owners, frame.index, frame.res.words)
              if m not in draft.sources]
    return evolve(draft, targets=tuple(judged) or draft.targets)


def directive(draft: Draft, frame: SentenceFrame) -> Draft:
    """ "told the United States to withdraw its troops": telling a party to act is a demand (10);
    "ordered the armed forces to carry out operations": sending one's own forces into action is
    a show of force (15), whatever the operations are."""
    tok, words = draft.cand.token, frame.res.words
    lemma = tok.lemma_.lower()
    if lemma not in words["directive_verb"]:
        return draft
    objs = [c for c in tok.children if c.dep_ in {"dobj", "dative"}]
    acts = [c for c in tok.children if c.dep_ in {"xcomp", "ccomp"} and
            any(m.dep_ == "aux" and m.lower_ == "to" for m in c.children)]
    if not objs or not acts:
        return draft
    if any(o.lower_ in words["force_noun"] or o.lemma_.lower() in words["force_noun"] for o in objs) and \
            lemma in words["command_verb"]:
        cand = evolve(draft.cand, cameo=Code.FORCE_DEMONSTRATION)
        return evolve(draft, cand=cand, targets=tuple(participants_of(objs, frame.index, words)))
    if has_root(draft.cand.cameo, Root.STATEMENT):
        addressees = participants_of(objs, frame.index, words)
        if addressees:
            cand = evolve(draft.cand, cameo=Code.DEMAND)
            return evolve(draft, cand=cand, targets=tuple(addressees))
    return draft
