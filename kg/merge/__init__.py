"""Merge: mentions of one real-world event, in one article or many, become one event.

Two mentions corefer (the rule NewsReader used for cross-document event coreference) when
their types are compatible, their times overlap, they share a participant (or one of them,
from the same article, has none), and their places do not contradict each other (a place whose
country is unknown contradicts none). Within one article, a sentence that states no date retells
the dated act of the same participants up to a week before publication. The merged
event keeps every mention as evidence; dates that disagree widen its bounds. The result does
not depend on input order, and merging a merged set changes nothing.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from typing import Any, cast

from kg import codebook
from kg.merge.keep import fold_attributions, fold_quoted_opinions, without_speakerless, worth_keeping
from kg.merge.links import date_from_links, link_events
from kg.model import Event, Place, TimeSpan
from kg.resolve.labels import event_label

__all__ = ["merge_events", "corefer", "Decision", "link_events", "date_from_links"]

# a stated day is as good as a stated hour for dating an event ("on Friday night" vs "from midnight")
_PRECISION_RANK = {"minute": 0, "hour": 0, "day": 0, "week": 3, "month": 4, "year": 5, "unknown": 6}
_BASIS_RANK = {"explicit": 0, "relative": 1, "publication": 2, "unknown": 3}


@dataclass(frozen=True)
class Decision:
    """Why two events were (or were not) judged to be the same real event."""

    same: bool
    reason: str


def _bounds(t: TimeSpan) -> tuple[dt.date, dt.date] | None:
    if t.start is None:
        return None
    lo = t.earliest or t.start
    hi = t.latest or t.end or t.start
    return lo, hi


_DAYLIKE = {"minute", "hour", "day"}
_RETOLD = dt.timedelta(days=7)


def _long(bounds: tuple[dt.date, dt.date]) -> bool:
    """A span of more than a week: a campaign or a state that runs on, not one episode."""
    return bounds[1] - bounds[0] > dt.timedelta(days=7)


def _times_overlap(a: TimeSpan, b: TimeSpan, same_article: bool, bare: bool) -> bool:
    """Do two mentions' times allow one event?

    Across articles, reports may disagree by a day. Within one article, two mentions dated to
    different days are different events; a bare noun dated only by its article ("the upcoming
    talks") may sit a few days from the dated mention it names. A day never merges into a
    vague month: "fighting earlier this month" is not the clash of the 6th.
    """
    ba, bb = _bounds(a), _bounds(b)
    if ba is None or bb is None:
        return bare
    dated = {a.basis, b.basis} <= {"explicit", "relative"}
    if dated and (a.precision in _DAYLIKE) != (b.precision in _DAYLIKE):
        return False
    if dated and same_article and _long(ba) != _long(bb):
        return False  # "clashes have raged since May 10" is not the clash of Sunday the 2nd
    if bare and (a.basis == "publication" or b.basis == "publication"):
        slack = dt.timedelta(days=3)
    elif same_article and (a.basis == "publication") != (b.basis == "publication"):
        # a sentence that states no date is dated by its article only: within that article it
        # retells the dated act of the same participants ("the army said" of Saturday's attack)
        slack = _RETOLD
    elif same_article and dated:
        slack = dt.timedelta(0)
    else:
        slack = dt.timedelta(days=1)
    return ba[0] - slack <= bb[1] and bb[0] - slack <= ba[1]


def _actor_keys(ev: Event) -> set[str]:
    keys = set()
    for a in ev.actors:
        keys.add(a.id)
    return keys


def _ids(actors: tuple) -> set[str]:
    return {x.id for x in actors}


def _related_ids(actors: tuple) -> set[str]:
    # a person and the state they act for: Putin's truce and Russia's truce are one truce
    return _ids(actors) | {x.affiliation for x in actors if x.affiliation}


def _overlap(x: tuple, y: tuple) -> bool:
    return bool((_ids(x) & _related_ids(y)) or (_related_ids(x) & _ids(y)))




def _sides(actors: tuple) -> set[str]:
    return {x.affiliation or x.id for x in actors}


def _shares_actor(a: Event, b: Event) -> bool:
    # meetings, agreements, cooperation, exchanges and truces are mutual: who is named first is an
    # accident of wording; every other type has a direction (X accusing Y is not Y accusing X)
    if codebook.is_mutual(a.cameo) and codebook.is_mutual(b.cameo):
        # talks between Russia and Ukraine are not Ukraine's call with Britain: when both
        # name two sides or more, they must share two
        sa, sb = _sides(a.actors), _sides(b.actors)
        if len(sa) >= 2 and len(sb) >= 2:
            return len(sa & sb) >= 2 or sa <= sb or sb <= sa
        return _overlap(a.actors, b.actors)
    if _overlap(a.sources, b.targets) and _overlap(a.targets, b.sources) and not _overlap(a.sources, b.sources):
        return False  # the same pair in opposite directions
    if a.sources and b.sources:
        return _overlap(a.sources, b.sources) or _comrades(a, b)
    # one side names no agent: the same article, the same target, the same day
    return bool(set(a.article_ids) & set(b.article_ids)) and _overlap(a.targets, b.targets) and \
        a.time.start == b.time.start


def _comrades(a: Event, b: Event) -> bool:
    """Within one article, two agents of one state doing one act on one day are one side: the
    troops that withdrew and the general who says he withdrew them. Not for speech: two ministers'
    statements are two statements."""
    if codebook.root_of(a.cameo) in codebook.SPEECH_ROOTS or not set(a.article_ids) & set(b.article_ids):
        return False
    sides_a = {x.affiliation for x in a.sources if x.affiliation}
    return bool(sides_a & {x.affiliation for x in b.sources if x.affiliation})


# a place that names no country and is none itself ("the base", "the Middle East", a site the
# gazetteer does not know) cannot say whether it lies in another: it never contradicts one
_SETTLED_TYPES = frozenset({"country", "city", "sea"})


def _located(places: tuple[Place, ...]) -> list[Place]:
    return [p for p in places if p.country or p.type in _SETTLED_TYPES]


def _places_agree(a: Event, b: Event) -> bool:
    pa, pb = _located(a.places), _located(b.places)
    if not pa or not pb:
        return True
    ids_a = {p.id for p in pa} | {p.country for p in pa if p.country}
    ids_b = {p.id for p in pb} | {p.country for p in pb if p.country}
    return bool(ids_a & ids_b)


def corefer(a: Event, b: Event) -> Decision:
    """Decide whether ``a`` and ``b`` report the same real event, and say why."""
    if codebook.coreference_family(a.cameo) != codebook.coreference_family(b.cameo):
        return Decision(False, f"types differ ({a.cameo} vs {b.cameo})")
    if (a.modality == "negated") != (b.modality == "negated") or \
            (a.modality == "conditional") != (b.modality == "conditional"):
        return Decision(False, f"modality differs ({a.modality} vs {b.modality})")
    same_article = bool(set(a.article_ids) & set(b.article_ids))
    if same_article and a.modality != b.modality and not _done_as_decided(a, b):
        # one article never reports one event as both planned and done
        return Decision(False, f"same article, modality differs ({a.modality} vs {b.modality})")
    # a planned event the article states without a date of its own is the dated one it planned
    undated_plan = same_article and a.modality == "planned" and "publication" in {a.time.basis, b.time.basis}
    bare = same_article and (not a.actors or not b.actors)
    if not (undated_plan or _times_overlap(a.time, b.time, same_article, bare)):
        return Decision(False, f"times do not overlap ({_fmt(a.time)} vs {_fmt(b.time)})")
    if not _places_agree(a, b):
        return Decision(False, "places differ")
    if _shares_actor(a, b):
        shared = sorted(_actor_keys(a) & _actor_keys(b)) or ["an affiliated actor"]
        family = codebook.coreference_family(a.cameo)
        return Decision(True, f"same type family {family}, overlapping time "
                              f"{_fmt(a.time)} ~ {_fmt(b.time)}, shared participant {', '.join(shared)}")
    if bare:
        # a bare mention ("the talks", "marched through Yerevan") joins the event of the same
        # article that names who acted, and lends it its place
        return Decision(True, "same article, same type family, modality and time; one mention names no actor")
    return Decision(False, "no shared participant")


def _done_as_decided(a: Event, b: Event) -> bool:
    """ "I decided to withdraw our units" and "the troops have withdrawn", the same act on the same
    day of one article: a decision carried out, one event (it happened). Only for the same act:
    a visit and the meeting held during it stay two."""
    if {a.modality, b.modality} != {"planned", "asserted"} or a.cameo != b.cameo:
        return False
    ta, tb = a.time, b.time
    # both dated by the text: an undated plan ("will meet") could as well be a later day's, and
    # letting it join whichever act it meets first would make the merge depend on input order
    return ta.start is not None and ta.start == tb.start and ta.end == tb.end and \
        ta.precision in _DAYLIKE and tb.precision in _DAYLIKE and {ta.basis, tb.basis} <= {"explicit", "relative"}


def _fmt(t: TimeSpan) -> str:
    if t.start is None:
        return "undated"
    return t.start.isoformat() + (f"..{t.end.isoformat()}" if t.end and t.end != t.start else "")


def _order_key(ev: Event) -> tuple:
    first = min(((e.published or dt.date.max), e.article_id, e.start) for e in ev.evidence) \
        if ev.evidence else (dt.date.max, "", 0)
    return (*first, ev.id)


def _union(*groups: tuple) -> tuple:
    seen: dict[str, object] = {}
    for group in groups:
        for x in group:
            seen.setdefault(x.id, x)
    return tuple(seen.values())


def _best_time(members: list[Event]) -> TimeSpan:
    known = [m.time for m in members if m.time.start is not None]
    if not known:
        return members[0].time
    best = min(known, key=lambda t: (_BASIS_RANK[t.basis], _PRECISION_RANK[t.precision],
                                     t.start, t.end or t.start))
    assert best.start is not None  # every span in ``known`` has a start
    lo = min(cast(dt.date, t.earliest or t.start) for t in known if t.basis != "publication") \
        if any(t.basis != "publication" for t in known) else None
    hi = max(cast(dt.date, t.latest or t.end or t.start) for t in known if t.basis != "publication") \
        if any(t.basis != "publication" for t in known) else None
    # hi is None exactly when lo is; the second test only tells the type checker
    if lo is not None and hi is not None and \
            (lo < (best.earliest or best.start) or hi > (best.latest or best.end or best.start)):
        best = replace(best, earliest=min(lo, best.earliest or best.start),
                       latest=max(hi, best.latest or best.end or best.start))
    return best


def _combine(members: list[Event], keep: frozenset[str] = frozenset()) -> Event:
    members = sorted(members, key=lambda m: (m.id not in keep, _order_key(m)))
    if len(members) == 1:
        return members[0]
    head = members[0]  # an id already published (kept) wins, so IRIs stay stable across runs
    # the code of the best-attested mention: most participants, then most confident, then most specific
    cameo = max(members, key=lambda m: (len(m.actors) > 0, m.confidence, len(m.cameo), m.cameo)).cameo
    sources = _union(*(m.sources for m in members))
    targets = tuple(a for a in _union(*(m.targets for m in members)) if a.id not in {s.id for s in sources})
    places: tuple[Place, ...] = _union(*(m.places for m in members))
    modality = "asserted" if any(m.modality == "asserted" for m in members) else head.modality
    evidence = tuple(sorted({(e.article_id, e.start, e.end): e for m in members for e in m.evidence}.values(),
                            key=lambda e: (e.published or dt.date.max, e.article_id, e.start)))
    label = event_label(cameo, sources, targets, places, modality)  # type: ignore[arg-type]
    time = _best_time(members)
    return replace(head, cameo=cameo, label=label, time=time, sources=sources,
                   targets=targets, places=places, modality=modality,
                   claimed_by=_union(*(m.claimed_by for m in members)),
                   confidence=_agreeing(m.confidence for m in members), evidence=evidence,
                   links=tuple(sorted({link for m in members for link in m.links})),
                   field_confidence=_field_confidence(members, time, cameo))


def _agreeing(confidences: Iterable[float]) -> float:
    """Independent reports that agree: each one's doubt multiplies the others' (a noisy-or)."""
    doubt = 1.0
    for c in confidences:
        doubt *= 1 - c
    return round(min(0.99, 1 - doubt), 2)


def _field_confidence(members: list[Event], time: TimeSpan, cameo: str) -> tuple[tuple[str, float], ...]:
    """Per field, the mentions that agree on it raise its confidence: for the type and the date,
    those that give the chosen code's root and the chosen day; for the roles and places, those that
    fill them."""
    agree = {
        "type": [m for m in members if m.cameo[:2] == cameo[:2]],
        "time": [m for m in members if time.is_known and m.time.start == time.start],
        "sources": members, "targets": members, "places": members,
    }
    out = []
    for name, voters in agree.items():
        found = [c for m in voters if (c := m.confidence_of(name)) is not None]
        if found:
            out.append((name, _agreeing(found)))
    return tuple(out)


_WEEK = 7
# the widest slack _times_overlap allows between two mentions' bounds (a bare noun of one article)
_SLACK = dt.timedelta(days=3)


def _weeks(lo: dt.date, hi: dt.date) -> range:
    return range(lo.toordinal() // _WEEK, hi.toordinal() // _WEEK + 1)


def _keys(ev: Event, slack: dt.timedelta = dt.timedelta(0)) -> set[tuple[str, int]]:
    """Blocking keys under which a coreferent event must share at least one entry: the article
    (the same-article rules need no shared actor, nor a date), or a participant (or the state it
    acts for) in a week that the event's time bounds (widened by ``slack``) touch. Mentions of
    different articles corefer only when both are dated and their times overlap, so an undated
    one is found through its article alone."""
    keys = {("d:" + d, 0) for d in ev.article_ids}
    bounds = _bounds(ev.time)
    if bounds is not None:
        actors = {"a:" + k for k in _actor_keys(ev)} | {"a:" + x.affiliation for x in ev.actors if x.affiliation}
        weeks = _weeks(bounds[0] - slack, bounds[1] + slack)
        keys |= {(a, w) for a in actors for w in weeks}
    return keys


def _with_reason(ev: Event, reason: str) -> Event:
    """Note on each joining mention why it joined (kept in the export as ckg:mergeReason)."""
    return replace(ev, evidence=tuple(e if e.reason else replace(e, reason=reason) for e in ev.evidence))


_Key = tuple  # a member's place in the cluster's order: (not a kept id, _order_key)


class _Cluster:
    """Mentions judged to report one event so far. ``probe`` is their merged event as far as
    ``corefer`` and the blocking keys look at it (type, modality, time, participants, places,
    articles), kept up to date as each member joins, so a join costs what the member brings,
    not the cluster's size; the merged event itself (``event``) is built once, at the end."""

    def __init__(self, ev: Event, keep: frozenset[str], apart: bool = False) -> None:
        self.keep, self.members = keep, [ev]
        self.apart = apart  # one event known to corefer with no other such (see merge_events)
        self.head: tuple[_Key, Event] = (self._key(ev), ev)
        self.cameo = self._cameo_key(ev)
        self.asserted = ev.modality == "asserted"
        self.sources: dict[str, tuple[_Key, Any]] = {}
        self.targets: dict[str, tuple[_Key, Any]] = {}
        self.places: dict[str, tuple[_Key, Any]] = {}
        self.articles: dict[str, Any] = {}
        self.best: tuple | None = None  # (rank of the best known time, member key, time)
        self.lo: dt.date | None = None
        self.hi: dt.date | None = None
        self._fold(ev)
        self.probe = ev

    def _key(self, ev: Event) -> _Key:
        return (ev.id not in self.keep, _order_key(ev))

    @staticmethod
    def _cameo_key(ev: Event) -> tuple:
        return (len(ev.actors) > 0, ev.confidence, len(ev.cameo), ev.cameo)

    def _fold(self, ev: Event) -> None:
        key = self._key(ev)
        for slot, records in ((self.sources, ev.sources), (self.targets, ev.targets), (self.places, ev.places)):
            for x in records:  # the first in member order wins, as in _union
                if x.id not in slot or key < slot[x.id][0]:
                    slot[x.id] = (key, x)
        for e in ev.evidence:
            self.articles.setdefault(e.article_id, e)
        t = ev.time
        if t.start is not None:  # as _best_time: the best stated time, widened by the others
            rank = (_BASIS_RANK[t.basis], _PRECISION_RANK[t.precision], t.start, t.end or t.start)
            if self.best is None or (rank, key) < self.best[:2]:
                self.best = (rank, key, t)
            if t.basis != "publication":
                lo, hi = cast(dt.date, t.earliest or t.start), cast(dt.date, t.latest or t.end or t.start)
                self.lo = lo if self.lo is None else min(self.lo, lo)
                self.hi = hi if self.hi is None else max(self.hi, hi)

    def add(self, ev: Event) -> None:
        self.apart = False
        self.members.append(ev)
        key = self._key(ev)
        if key < self.head[0]:
            self.head = (key, ev)
        self.cameo = max(self.cameo, self._cameo_key(ev))
        self.asserted = self.asserted or ev.modality == "asserted"
        self._fold(ev)
        self.probe = self._probe()

    def _probe(self) -> Event:
        head = self.head[1]
        sources = tuple(x for _, x in self.sources.values())
        ids = {x.id for x in sources}
        return replace(head, cameo=self.cameo[3], time=self._time(), sources=sources,
                       targets=tuple(x for i, (_, x) in self.targets.items() if i not in ids),
                       places=tuple(x for _, x in self.places.values()),
                       modality="asserted" if self.asserted else head.modality,
                       evidence=tuple(self.articles.values()))

    def _time(self) -> TimeSpan:
        if self.best is None:
            return self.head[1].time
        best = self.best[2]
        if self.lo is not None and self.hi is not None and \
                (self.lo < (best.earliest or best.start) or self.hi > (best.latest or best.end or best.start)):
            best = replace(best, earliest=min(self.lo, best.earliest or best.start),
                           latest=max(self.hi, best.latest or best.end or best.start))
        return best

    def event(self) -> Event:
        return _combine(self.members, self.keep)


def _merge_pass(events: list[Event], keep: frozenset[str], apart: frozenset[str] = frozenset()
                ) -> tuple[list[Event], frozenset[str]]:
    """One pass: each event joins the first earlier cluster it corefers with, found through the
    blocking keys (so the work grows with the events, not their square), or starts its own.
    Returns the merged events and the ids of those of ``apart`` that stayed alone."""
    clusters: list[_Cluster] = []
    index: dict[tuple[str, tuple[str, int]], set[int]] = {}  # (family, key) -> cluster numbers
    # the same for the clusters an event of ``apart`` may join (those not apart): a stored event
    # looks only there, not through the stored events of every week and article it shares
    joinable = {} if apart else index
    for ev in events:
        fam = codebook.coreference_family(ev.cameo)
        alone = ev.id in apart
        found = joinable if alone else index
        cands = sorted({ci for k in _keys(ev, _SLACK) for ci in found.get((fam, k), ())})
        target, decision = None, None
        for ci in cands:
            if alone and clusters[ci].apart:
                continue  # two events of a merged set, unchanged: compared before, apart
            decision = corefer(clusters[ci].probe, ev)
            if decision.same:
                target = ci
                break
        if target is None:
            target = len(clusters)
            clusters.append(_Cluster(ev, keep, alone))
            keys = _keys(ev)
        else:
            clusters[target].add(_with_reason(ev, decision.reason))  # type: ignore[union-attr]
            # the cluster's articles so far are indexed already: add the new ones, and its
            # participants over its (perhaps wider) time
            keys = _keys(replace(clusters[target].probe, evidence=ev.evidence)) | _keys(ev)
        for k in keys:
            index.setdefault((fam, k), set()).add(target)
            if not clusters[target].apart:
                joinable.setdefault((fam, k), set()).add(target)
    return [c.event() for c in clusters], frozenset(c.head[1].id for c in clusters if c.apart)


def compact(events: Iterable[Event]) -> Iterator[Event]:
    """The events with their equal actors, places, times and sentences shared, not copied: a
    stream of many articles' mentions then costs memory for what is new in each."""
    seen: dict[object, object] = {}

    def one(x: Any) -> Any:
        return seen.setdefault(x, x)

    for ev in events:
        yield replace(ev, sources=tuple(map(one, ev.sources)), targets=tuple(map(one, ev.targets)),
                      places=tuple(map(one, ev.places)), claimed_by=tuple(map(one, ev.claimed_by)),
                      time=one(ev.time), label=one(ev.label),
                      evidence=tuple(replace(e, sentence=one(e.sentence), url=one(e.url), title=one(e.title))
                                     for e in ev.evidence))


def merge_events(events: Iterable[Event], *, keep_actorless: bool = False,
                 keep_ids: Iterable[str] = (), apart: Iterable[str] = ()) -> list[Event]:
    """Merge coreferent events; return them sorted by date, then id.

    Events that still name no actor after merging are dropped unless ``keep_actorless``:
    an event nobody took part in cannot be asked about and is most often a background noun.
    A plain statement that only says who reports another party's act is not kept: the act is
    the event, claimed by the speaker (see kg.merge.keep).
    An event that absorbs one whose id is in ``keep_ids`` (already published) takes that id.
    Events whose ids are in ``apart`` are known not to corefer with each other (they are events
    of a merged set, as merged): they are compared only with the others.
    """
    keep = frozenset(keep_ids)
    alone = frozenset(apart)
    current = sorted(compact(fold_quoted_opinions(fold_attributions(without_speakerless(events, keep), keep), keep)), key=_order_key)
    while True:  # to a fixed point: merging a merged set changes nothing
        merged, alone = _merge_pass(current, keep, alone)
        if len(merged) == len(current):
            break
        current = sorted(merged, key=_order_key)
    out = [e for e in merged if keep_actorless or worth_keeping(e)]
    return sorted(out, key=lambda e: (e.time.start or dt.date.max, e.id))
