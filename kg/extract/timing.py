"""Passes that say when: time expressions attach to the trigger or verb they modify, a nominal
event takes the time of the verb that places it ("the round is due to open on Tuesday"), and a
sentence's one loose time dates the events that have none.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kg.extract.frame import Candidate, SentenceFrame
from kg.extract.syntax import event_children
from kg.model import TimeMention, evolve
from kg.temporal import parse_duration
from kg.words import WordClasses

if TYPE_CHECKING:
    from collections.abc import Mapping

    from spacy.tokens import Span, Token

__all__ = ["attach_times", "anchor_nominals", "fallback_for", "find_fallback", "governing_time", "moved_times"]

_OWN_SPAN = ("from ", "until ", "till ", "through ", "for ")
_BARE_DAYS = re.compile(r"(?i)(?:a|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+days?")


def attach_times(frame: SentenceFrame) -> SentenceFrame:
    """Each time expression goes to the trigger or verb its head modifies."""
    sent, cands = frame.sent, frame.candidates
    doc = sent.doc
    time_at: dict[int, tuple[TimeMention, ...]] = {}
    roots: dict[int, tuple[TimeMention, ...]] = {}  # head token of a time expression -> its times
    for tm in frame.times:
        span = doc.char_span(tm.start, tm.end, alignment_mode="expand")
        if span is None or span.root.i < sent.start or span.root.i >= sent.end:
            continue
        before = doc[span.start - 1] if span.start > sent.start else None
        if before is not None and before.lower_ in {"after", "before", "within"} and parse_duration(tm.text):
            continue  # "agreed a truce after five days of clashes": how long before, not when
        if _days_apart(span.root) is not None:
            continue  # dated below, against the main clause
        anchor = _time_anchor(span.root, set(cands))
        if before is not None and before.lower_ == "since" and anchor is not None and _perfect(anchor):
            # "clashes have raged since May 10": from then up to the report
            roots[span.root.i] = roots.get(span.root.i, ()) + (tm,)
            tm = TimeMention(f"since {tm.text} to date", tm.start, tm.end)
            time_at[anchor.i] = time_at.get(anchor.i, ()) + (tm,)
            continue
        if before is not None and before.i in cands and cands[before.i].trigger.pos == "NOUN" and \
                tm.text.lower().startswith(_OWN_SPAN):
            anchor = before  # "a truce from December 24 to January 2": the truce's own span
        if anchor is not None:
            time_at[anchor.i] = time_at.get(anchor.i, ()) + (tm,)
        roots[span.root.i] = roots.get(span.root.i, ()) + (tm,)
    for root in sent:
        if root.lower_ not in {"day", "days"} or _days_apart(root) is None:
            continue
        first = root.left_edge
        if not _BARE_DAYS.fullmatch(doc[first.i:root.i + 1].text):
            continue
        tm = TimeMention(doc[first.i:root.i + 1].text, first.idx, root.idx + len(root.text))
        verb = _apart_verb(root)
        main = verb.head
        # "fired on Monday, two days after the North threatened": the threat was two days before
        # the main clause's day (its own time, else the day of the report)
        ref = time_at.get(main.i, ())
        way = "before" if _days_apart(root) == "after" else "after"
        text = f"{tm.text} {way} {ref[0].text if ref else 'today'}"
        for tok in _control_chain(verb):  # "a day before leaders were due to begin a summit"
            time_at[tok.i] = time_at.get(tok.i, ()) + (TimeMention(text, tm.start, tm.end),)
    return evolve(frame, time_at=_when_clauses(sent, roots, time_at, set(cands)))


def _perfect(verb: "Token") -> bool:
    """A present perfect ("have raged", "has been held", "have been fighting"), not a past one."""
    return verb.pos_ in {"VERB", "AUX"} and any(
        c.dep_ == "aux" and c.lower_ in {"has", "have", "'ve"} for c in verb.children)


def _when_clauses(sent: "Span", roots: "Mapping[int, tuple[TimeMention, ...]]",
                  time_at: dict[int, tuple[TimeMention, ...]],
                  events: set[int]) -> dict[int, tuple[TimeMention, ...]]:
    """A relative clause on a time or on a dated event happens then: "in 2014, when Russia annexed
    Crimea", "since April, when the government announced ...", "the clash on Monday in which ...";
    its verb takes the time unless it has one of its own. An event noun dated only by the clause
    above it lends that time too ("said on Monday during a meeting with X, in which they agreed
    ..."). A "when" clause with a time dates the verb it hangs on ("X vowed peace when he took
    power in November")."""
    for tok in sent:
        if tok.dep_ == "advcl" and time_at.get(tok.i) and not time_at.get(tok.head.i) and \
                _temporal_relative(tok):
            time_at[tok.head.i] = time_at[tok.i]  # "vowed peace when he took power in November"
        if tok.dep_ != "relcl" or time_at.get(tok.i) or not _temporal_relative(tok):
            continue
        times = roots.get(tok.head.i) or time_at.get(tok.head.i) or \
            (governing_time(tok.head, time_at) if tok.head.i in events else ())
        if times:
            time_at[tok.i] = tuple(times)
    return time_at


def _temporal_relative(verb: "Token") -> bool:
    """Is a relative clause introduced by "when" or by "in/during which"?"""
    for c in verb.children:
        if c.i > verb.i:
            break
        if c.dep_ == "advmod" and c.lower_ == "when":
            return True
        if c.dep_ == "prep" and c.lower_ in {"in", "during", "on"} and \
                any(g.lower_ == "which" for g in c.children):
            return True
    return False


def _control_chain(verb: "Token") -> list["Token"]:
    """The verb and the verbs it controls ("were" -> "due" -> "begin")."""
    chain = [verb]
    for _ in range(3):
        nxt = [c for c in chain[-1].children if c.dep_ in {"xcomp", "acomp"}]
        if not nxt:
            break
        chain.append(nxt[0])
    return chain


def _days_apart(root: "Token") -> str | None:
    """ "after" or "before" when ``root`` measures a clause off the main one ("two days after
    the North threatened", "a day before it expired"), else None."""
    verb = _apart_verb(root)
    if root.dep_ != "npadvmod" or verb.dep_ != "advcl" or not root.lower_.startswith("day"):
        return None
    marks = [c.lower_ for c in verb.children if c.dep_ == "mark" and c.lower_ in {"after", "before"}]
    return marks[0] if marks else None


def _apart_verb(root: "Token") -> "Token":
    """The verb of the clause "two days" measures: its head, or the head of the "before" it
    modifies (the parser attaches it either way)."""
    head = root.head
    return head.head if head.dep_ == "mark" and head.lower_ in {"after", "before"} else head


def anchor_nominals(frame: SentenceFrame) -> SentenceFrame:
    """A nominal's time may sit on the verb that says when it happens; "talks hosted by X" fuse
    the participation verb into the talks."""
    words = frame.res.words
    cands = dict(frame.candidates)
    time_at = dict(frame.time_at)
    anchors: dict[int, "Token"] = {}
    for i, cand in frame.candidates.items():
        if cand.trigger.pos != "NOUN":
            continue
        a = _anchor(cand.token, cands, words)
        if a.i == i:
            continue
        anchors[i] = a
        if a.dep_ in {"acl", "relcl"} and a.lemma_.lower() in words["participation_verb"] and a.i in cands:
            cands[i] = evolve(cands[i], absorbed=cands[i].absorbed | {a.i})
        # the verb keeps its time too: "the talks collapsed on Friday, with Hamas accusing Israel
        # ...", "... after rebels attacked": the clauses that hang on it happen then
        for j in {a.i, a.head.i, cand.token.head.i}:  # "talks hosted by X from Friday to Sunday"
            if j in time_at and (j not in cands or j in cands[i].absorbed):
                time_at[i] = time_at.get(i, ()) + time_at[j]
    absorbed = frozenset(j for c in cands.values() if c.trigger.pos == "NOUN" for j in c.absorbed)
    return evolve(frame, candidates=cands, time_at=time_at, anchors=anchors, absorbed=absorbed)


def find_fallback(frame: SentenceFrame) -> SentenceFrame:
    """A sentence's only time expression, on a verb that is no event ("Though Sunday saw a lull,
    X reported ..."), dates the events that have none of their own."""
    time_at, cands, doc = frame.time_at, frame.candidates, frame.sent.doc
    claimed = {id(tm) for i, tms in time_at.items() if i in cands for tm in tms}
    # "X, who vowed peace when he took power in November, designated ...": a time inside a
    # relative clause tells about its noun, not when the main clause happened
    loose = tuple(tm for i, tms in time_at.items() for tm in tms
                  if id(tm) not in claimed and not _in_relative(doc[i]))
    only_one = len({id(t) for tms in time_at.values() for t in tms}) == 1
    return evolve(frame, fallback=loose if len(loose) == 1 and only_one else ())


def fallback_for(tok: "Token", frame: SentenceFrame) -> tuple[TimeMention, ...]:
    """The sentence's loose time for verb ``tok``, unless it sits in a clause that ``tok`` takes
    as its complement, or in the clause ``tok`` reports on: "the military said the operation
    began on Monday night" tells when the operation began, not when the military said so."""
    if not frame.fallback:
        return ()
    doc, loose = frame.sent.doc, {id(tm) for tm in frame.fallback}
    holders = [doc[i] for i, tms in frame.time_at.items() if any(id(tm) in loose for tm in tms)]
    for holder in holders:
        if holder.i == tok.i:
            continue
        if any(holder in c.subtree for c in tok.children if c.dep_ in _CLAUSE_DEPS):
            return ()  # "said the operation began on Monday night"
        if tok.dep_ in _CLAUSE_DEPS and tok.head.i == holder.i:
            return ()  # "the operation began on Monday night, the military said"
    return frame.fallback


_CLAUSE_DEPS = frozenset({"ccomp", "parataxis"})


def _in_relative(tok: "Token") -> bool:
    return tok.dep_ == "relcl" or any(a.dep_ == "relcl" for a in tok.ancestors)


def moved_times(time_at: "Mapping[int, tuple[TimeMention, ...]]", to: int, frm: int,
                only_if_none: bool = False) -> dict[int, tuple[TimeMention, ...]]:
    """``time_at`` with the times of token ``frm`` added to token ``to`` (``frm`` keeps its own)."""
    out = dict(time_at)
    if only_if_none and out.get(to):
        return out
    out[to] = out.get(to, ()) + tuple(out.get(frm, ()))
    return out


def governing_time(tok: "Token", time_at: "Mapping[int, tuple[TimeMention, ...]]") -> tuple[TimeMention, ...]:
    """The times of ``tok`` or of the nearest verb above it that has some; a verb whose object
    carries the clause's time lends that ("witnessed fighting on Thursday before troops
    retreated": the retreat followed Thursday's fighting)."""
    if time_at.get(tok.i):
        return time_at[tok.i]
    cur, linked = tok, False
    for _ in range(5):
        if cur.head.i == cur.i or cur.dep_ == "relcl":
            break
        linked = linked or _linked_clause(cur)
        cur = cur.head
        if time_at.get(cur.i):
            return time_at[cur.i]
        # "saw fighting on Thursday before the troops retreated": the main clause's act is a noun
        nominal = [c for c in cur.children if linked and c.dep_ in _ACT_SLOTS and time_at.get(c.i)]
        if nominal:
            return time_at[nominal[0].i]
    return ()


_ACT_SLOTS = frozenset({"dobj", "nsubj", "nsubjpass"})
_LINKS = frozenset({"before", "after", "as", "when", "while", "until", "till", "once"})


def _linked_clause(tok: "Token") -> bool:
    """A clause tied in time to the one it hangs on ("before the troops retreated")."""
    return tok.dep_ == "advcl" and any(c.dep_ in {"mark", "advmod"} and c.lower_ in _LINKS
                                       for c in tok.children if c.i < tok.i)


def _time_anchor(tok: "Token", trigger_ids: set[int]) -> "Token | None":
    """The trigger (or verb) that a time expression's head token modifies."""
    cur = tok
    for _ in range(8):
        if cur.head.i == cur.i:
            return cur
        cur = cur.head
        if cur.i in trigger_ids or cur.pos_ in {"VERB", "AUX"}:
            return cur
    return None


def _anchor(tok: "Token", cands: "Mapping[int, Candidate]", words: WordClasses) -> "Token":
    """The verb that says when, where and how surely a nominal event happens, or the noun itself."""
    placing = words["aspect_verb"] | {"be"}
    verb = tok.head if tok.dep_ in {"nsubj", "nsubjpass"} and tok.head.lemma_.lower() in placing else None
    for c in event_children(tok):
        if c.dep_ in {"relcl", "acl"} and c.lemma_.lower() in words["aspect_verb"] | words["participation_verb"]:
            return c  # "talks that ran from Friday to Sunday", "talks hosted by Switzerland"
    if verb is None or (verb.i in cands and verb.i != tok.i):
        return tok
    # "is due to open", "is expected to begin": follow the control chain down
    for _ in range(3):
        nxt = [c for c in verb.children if c.dep_ in {"xcomp", "acomp"} and c.i not in cands]
        if not nxt:
            break
        verb = nxt[0]
        if verb.pos_ == "ADJ":
            more = [c for c in verb.children if c.dep_ == "xcomp"]
            if more:
                verb = more[0]
    return verb
