"""Referents: which actors a noun phrase of a parsed sentence points at.

A phrase is read from its head in the tree: a dictionary name ("Islamabad"); a role noun with the
state or organisation that owns it ("Armenia's foreign minister", "Iranian drones", "UN
peacekeepers"); a pronoun ("it", "their") standing for the subject of the clause that governs it or
of the sentence before; an epithet ("the two countries", "the Caucasus republic") standing for the
states the article is about; an apposition ("Ararat Mirzoyan, Armenia's foreign minister").
Coordinated heads ("the BLF and the BLA") add their actors. Used by the event coder and by claims.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd
from spacy.tokens import Doc, Span, Token

from .actors import roll_up
from .parse import tokens_at

SUBJECTS = {"nsubj", "nsubj:pass", "csubj"}
MODIFIERS = {"nmod:poss", "amod", "compound", "nmod", "flat", "nmod:desc"}
PLACE_CASES = {"in", "into", "inside", "within", "across", "near", "on", "at", "along"}
PRONOUNS = {"it", "its", "they", "their", "them", "itself", "themselves", "he", "his", "him", "she", "her"}
PERSONAL = {"he", "his", "him", "she", "her"}
PLURAL = {"them", "their", "themselves"}
RELATIVE = {"which", "who", "whom", "whose", "that"}
NUMBER_WORDS = {word: n for n, word in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split())}
NUMBER_WORDS.update({"thirty": 30, "forty": 40, "fifty": 50, "hundred": 100})
GROUP_SIZES = {"trio": 3, "quartet": 4, "quintet": 5}
VIOLENT_PROTEST = "145"      # a crowd storming or stoning a mission: an attack others condemn


@dataclass(frozen=True)
class ActorIndex:
    """What the coder needs to know of every actor, built once from the `actors` table and the agents."""
    top: dict[str, str]
    kind: dict[str, str]
    country: dict[str, str]
    name: dict[str, str]
    agents: dict[tuple[str, ...], str]      # role noun words (lemmas) -> body suffix (GOV, MIL, ...)

    @classmethod
    def build(cls, actors: pd.DataFrame, agents: pd.DataFrame) -> "ActorIndex":
        words = {}
        for column in ("noun", "plural"):
            for noun, suffix in zip(agents.get(column, []), agents["suffix"]):
                if isinstance(noun, str) and noun:
                    words.setdefault(tuple(noun.lower().split()), suffix)
        return cls(roll_up(actors), dict(zip(actors["actor_id"], actors["type"])),
                   dict(zip(actors["actor_id"], actors["country"])), dict(zip(actors["actor_id"], actors["name"])),
                   words)

    def state_of(self, actor: str) -> str:
        """The state an actor is or belongs to ('' for IGOs and transnational groups)."""
        top = self.top.get(actor, actor)
        return self.state_named(actor) or self.country.get(actor, "") or self.country.get(top, "")

    def state_named(self, actor: str) -> str:
        """The state an actor rolls up to when that is a state (itself, a body, a capital); '' for any
        other actor (a group based in a state names no place of it)."""
        top = self.top.get(actor, actor)
        return top if actor and self.kind.get(top) == "state" else ""

    def body(self, owner: str, suffix: str) -> str:
        """A state's (or organisation's) body for a role: PAK + MIL -> PAK_MIL when the dictionary has it."""
        candidate = f"{owner}_{suffix}"
        return candidate if candidate in self.kind else owner

    def same_side(self, one: str, other: str) -> bool:
        return self.top.get(one, one) == self.top.get(other, other)


def body_nouns(mentions: list[tuple[str, Span]], index: ActorIndex) -> dict[str, str]:
    """The common nouns in the names of the bodies (not states) mentioned, each to the body named last."""
    found: dict[str, str] = {}
    for actor, span in mentions:
        if index.kind.get(index.top.get(actor, actor)) != "state":
            # not "the state" for the Islamic State, nor the initials of a parent body
            found.update({token.lemma_.lower(): actor for token in span if token.pos_ in {"NOUN", "PROPN"}
                          and token.is_alpha and token.lower_ not in {"un", "eu", "state"}})
    return found


@dataclass
class Discourse:
    """What earlier sentences of an article said: for pronouns, epithets and back-references."""
    state_counts: dict[str, int] = field(default_factory=dict)
    state_order: list[str] = field(default_factory=list)
    last_subject: list[str] = field(default_factory=list)
    last_person: list[str] = field(default_factory=list)
    # the events of each sentence that told some, with the top actors of its subject
    told: list[tuple[list[dict], set[str]]] = field(default_factory=list)
    groups: list[str] = field(default_factory=list)      # armed groups in order of last mention
    organisations: list[str] = field(default_factory=list)      # IGOs in order of last mention, for "the bloc"
    # the states of each subject that named several ("Saudi Arabia, the UAE, Bahrain and Egypt
    # severed ties"), for "the four governments" later
    subject_lists: list[list[str]] = field(default_factory=list)
    # people the dictionary does not know, by surname, once a title said whose they are
    # ("Colombian President Alvaro Uribe" ... "Uribe said")
    people: dict[str, list[str]] = field(default_factory=dict)
    # the states last acted on with each code of a rupture: "Kuwait recalled its ambassador" after
    # "Saudi Arabia recalled its ambassador from Lebanon" is from Lebanon too
    ruptured: dict[str, list[str]] = field(default_factory=dict)
    # the bodies named so far by the nouns of their names ("the International Court of Justice":
    # court, justice), for "the court" later; the one named last wins
    bodies: dict[str, str] = field(default_factory=dict)

    @property
    def violent_told(self) -> list[tuple[list[dict], set[str]]]:
        """The violent events of each sentence that told some, with the top actors of its subject; a
        crowd's assault on a mission (145) is one ('condemned the attacks on the Saudi embassy')."""
        return [(violent, subject) for events, subject in self.told
                if (violent := [event for event in events if event["violent"] or event["cameo_code"] == VIOLENT_PROTEST])]

    def note_groups(self, groups: list[str]) -> None:
        last_named(self.groups, groups)

    def note_organisations(self, organisations: list[str]) -> None:
        last_named(self.organisations, organisations)

    def note_states(self, states: list[str]) -> None:
        for state in states:
            self.state_counts[state] = self.state_counts.get(state, 0) + 1
        last_named(self.state_order, states)

    def main_pair(self) -> list[str]:
        """The two states the article is about so far: named most, more often than any third one;
        none when no two stand out."""
        ranked = sorted(self.state_counts, key=lambda s: (-self.state_counts[s], -self.state_order.index(s)))
        counts = [self.state_counts[state] for state in ranked]
        if len(ranked) < 2 or (len(ranked) > 2 and counts[2] >= counts[1]):
            return []
        return sorted(ranked[:2])

    def dominant_state(self) -> list[str]:
        """The state an article is about: named at least twice as often as any other."""
        ranked = sorted(self.state_counts.values(), reverse=True)
        if not ranked or (len(ranked) > 1 and ranked[0] < 2 * ranked[1]):
            return []
        return [state for state, count in self.state_counts.items() if count == ranked[0]][:1]

    def main_state(self) -> list[str]:
        ranked = sorted(self.state_counts, key=lambda s: (-self.state_counts[s], -self.state_order.index(s)))
        return ranked[:1]

    def latest_state(self, exclude: set[str]) -> list[str]:
        for state in reversed(self.state_order):
            if state not in exclude:
                return [state]
        return []


def last_named(order: list[str], named: list[str]) -> None:
    """Move the actors just named to the end of an order of last mention."""
    for actor in named:
        if actor in order:
            order.remove(actor)
        order.append(actor)


FLAT_NAME = {"flat", "flat:name"}
COUNTERPARTS = {"counterpart"}
CROWD_PLACES = {"in", "at", "outside", "across", "throughout"}


def surname(name: Token) -> Token:
    """The last word of a person's name headed by its first ('Alvaro' of 'Alvaro Uribe')."""
    return max((child for child in name.children if child.dep_ in FLAT_NAME), key=lambda t: t.i, default=name)


def given_names(name: Token) -> list[Token]:
    """The proper nouns before a surname that heads a name ('Bert' of 'Bert Koenders'); the parser
    may take a given name it does not know for an adjective ('Mohamed Muizzu')."""
    return [c for c in name.lefts if c.dep_ in {"compound", "amod"} and c.tag_ == "NNP"]


def is_former(role: Token) -> bool:
    """'the former president', 'ex-minister': a role its holder no longer has."""
    return any(c.dep_ in {"amod", "advmod"} and c.lower_ in {"former", "ex", "ex-"} for c in role.children) or \
        role.lower_.startswith("ex-")


def conjuncts(token: Token) -> list[Token]:
    """The heads coordinated with this one ("the BLF and the BLA"), this one first. A 'conjunct'
    with no conjunction anywhere in its list ("ISKP, the regional branch of ...") is an apposition
    the parser took for one, and is left out."""
    found = [token]
    nouns = [c for c in token.children if c.dep_ == "conj" and c.pos_ in {"PROPN", "NOUN", "PRON", "ADJ", "X", "NUM"}]
    if not any(grandchild.dep_ == "cc" for child in nouns for link in chain(child) for grandchild in link.children):
        return found
    # "civilians rather than its fighters", "X but not Y": not a list of the same role
    nouns = [c for c in nouns if not any(g.dep_ in {"cc", "fixed"} and g.lower_ in {"rather", "not", "instead", "than"}
                                         for g in c.subtree if g.head == c or g.head.head == c)]
    for child in nouns:
        found += conjuncts(child)
    return found


def chain(token: Token) -> list[Token]:
    """A conjunct and the conjuncts hung on it ("Poland, Hungary and Slovakia" may be read as a chain,
    the "and" on the last)."""
    return [token] + [t for c in token.children if c.dep_ == "conj" for t in chain(c)]


def own_clause(token: Token) -> set[int]:
    """The positions of the clause a phrase belongs to: its verb's subtree without the clauses set
    beside it ('...; Bamako replied') or coordinated with a subject of their own."""
    while token.head.i != token.i and token.head.pos_ not in {"VERB", "AUX"}:
        token = token.head
    verb = token.head
    if verb.i == token.i:
        return {t.i for t in token.subtree}
    others = {t.i for c in verb.children if c.dep_ == "parataxis" or
              (c.dep_ == "conj" and any(g.dep_ in {"nsubj", "nsubj:pass"} for g in c.children)) for t in c.subtree}
    return {t.i for t in verb.subtree} - others


class SentenceReader:
    """Reads the actors of one parsed sentence, given the article's discourse so far."""

    def __init__(self, doc: Doc, mentions: list[tuple[int, int, str]], index: ActorIndex, discourse: Discourse,
                 places: dict[str, str], grammar):
        self.doc, self.index, self.discourse, self.grammar = doc, index, discourse, grammar
        self.places = places
        self.avoid: set[str] = set()      # states an epithet should not stand for (the act's own sources)
        self.placing_crowd = False        # while a crowd's place is read, a crowd in that place places none
        self.mention_at: dict[int, tuple[str, Span]] = {}
        for start, end, actor in mentions:
            span = tokens_at(doc, start, end)
            if span is not None and not self.names_title(span, actor):
                for token in span:
                    self.mention_at[token.i] = (actor, span)
        for actor, span in {id(span): (actor, span) for actor, span in self.mention_at.values()}.values():
            owner = self.owning_state(span, actor)
            if owner:
                for token in span:
                    self.mention_at[token.i] = (self.index.body(owner, "GOV"), span)
        self.place_of = self.find_places()

    def owning_state(self, span: Span, actor: str) -> str:
        """'Algeria's High Security Council', 'the Ivorian National Security Council': a body the
        dictionary knows as an organisation's or another state's ('Security Council', the US 'National
        Security Council') is the state that owns it in the sentence; '' when no other state does.
        Only organisations and states' bodies are so owned: a state, its demonym, a person or the
        media keep their own name ('the Thai-Cambodian border', 'Iranian state media')."""
        top = self.index.top.get(actor, actor)
        if not (self.index.kind.get(actor) == "igo" or (actor != top and self.index.kind.get(top) in {"state", "igo"})):
            return ""
        for child in span.root.children:
            if child.dep_ not in {"nmod:poss", "amod", "compound"} or span.start <= child.i < span.end:
                continue
            found = self.mention_at.get(child.i)
            state = self.index.state_named(found[0]) if found else ""
            if state and found[1] is not span and state != self.index.state_of(actor):
                return state
        return ""

    def names_title(self, span: Span, actor: str) -> bool:
        """'the Vienna Convention', 'the Treaty of Tashkent': a city inside the name of a treaty names
        neither the state nor a party. A state's own name ('the Iran nuclear deal') and its demonym
        ('the Iranian proposal') still do."""
        if self.index.name.get(self.index.state_named(actor), "").lower() == span.text.lower() or \
                span.root.dep_ == "amod" or self.index.kind.get(self.index.top.get(actor, actor)) == "armed_group":
            return False        # "the Jaish al-Adl militant group" names the group
        token = span.root
        while token.dep_ in {"compound", "flat", "nmod"} and token.head is not token:
            if token.dep_ == "nmod" and self.case_of(token) != "of":
                return False
            token = token.head
            if token.lemma_.lower() in self.grammar("title_nouns"):
                return True
        return False

    # --- names -----------------------------------------------------------------------------

    def named(self, token: Token) -> str:
        found = self.mention_at.get(token.i)
        return found[0] if found else ""

    def modifier_actor(self, token: Token, allow_pronoun: bool = True) -> str:
        """An actor named in a modifier of a head: 'Iran's', 'Iranian', 'UN', 'of Pakistan', 'its'."""
        found = self.modifier_actors(token, allow_pronoun)
        return found[0] if found else ""

    def modifier_actors(self, token: Token, allow_pronoun: bool = True) -> list[str]:
        """The actors of the first modifier of a head that names any ('hideouts of the BLA and the BLF')."""
        for child in token.children:
            if child.dep_ not in MODIFIERS or child.i == token.i or (child.dep_ == "compound" and self.names_venue(child)):
                continue        # "the Doha ceasefire": where, not whose
            if child.dep_ == "nmod":
                if self.case_of(child) not in {"of", "from"}:
                    continue
                found = self.actors_of(child, allow_pronoun)      # "spokesman of Afghanistan's administration"
            elif allow_pronoun and child.lower_ in PRONOUNS and not self.named(child):
                # "his Moroccan counterpart" is Morocco's, whoever "his" is
                found = self.pronoun_actor(child) if token.lemma_.lower() not in COUNTERPARTS else []
            else:       # "Pakistani and Afghan forces": every adjective of the list
                found = list(dict.fromkeys(actor for part in conjuncts(child) if (actor := self.named(part))))
                if not found and child.dep_ == "nmod:poss":       # "the bloc's foreign ministers"
                    found = self.epithet_actors(child) or []
                if not found and child.dep_ == "compound":     # "the African Union Commission chairperson"
                    found = self.modifier_actors(child, allow_pronoun=False)
            if found:
                return found
        for child in token.children:        # "Thailand's health ministry", parsed as Thailand's health
            if child.dep_ == "compound" and child.i < token.i:
                owner = next((c for c in child.children if c.dep_ == "nmod:poss"), None)
                actor = self.named(owner) if owner is not None else ""
                if actor:
                    return [actor]
        return []

    @staticmethod
    def case_of(token: Token) -> str:
        return next((child.lower_ for child in token.children if child.dep_ == "case"), "")

    # --- role nouns ----------------------------------------------------------------------------

    def agent_suffix(self, token: Token) -> str:
        """The body a role noun names ('foreign minister' -> GOV), longest phrase first; '' if none."""
        # "Foreign Ministry spokesperson": the words of a compound modifier count, its own adjective too
        modifiers = [word.lemma_.lower() for child in token.lefts if child.dep_ in {"compound", "amod"}
                     for word in child.subtree if word.i == child.i or word.dep_ in {"compound", "amod"}]
        for size in range(len(modifiers), -1, -1):
            words = tuple(modifiers[len(modifiers) - size:]) + (token.lemma_.lower(),)
            if words in self.index.agents:
                return self.index.agents[words]
            words = tuple(modifiers[len(modifiers) - size:]) + (token.lower_,)
            if words in self.index.agents:
                return self.index.agents[words]
        return ""

    def title_of(self, name: Token) -> tuple[Token | None, str]:
        """A person's title and the body it names ('foreign ministry spokeswoman Maria Zakharova' ->
        spokeswoman, MFA); (None, '') when the name has none."""
        # "Foreign Minister Bert Koenders", parsed with the title on the given name
        given = given_names(name)
        for title in list(name.lefts) + [t for g in given for t in g.lefts]:
            if title.dep_ in {"nmod:desc", "compound"} and title.pos_ in {"NOUN", "PROPN"}:
                suffix = self.agent_suffix(title)
                if suffix:
                    return title, suffix
        return None, ""

    def titled_people(self) -> dict[str, list[str]]:
        """Surname -> actors, for the names this sentence gives a title that says whose they are."""
        found = {}
        for token in self.doc:
            if token.pos_ == "PROPN" and not self.named(token) and token.dep_ not in FLAT_NAME:
                title, _ = self.title_of(token)
                actors = self.head_actors(token) if title is not None else []
                if not actors and token.dep_ == "appos" and self.agent_suffix(token.head):
                    title, actors = token.head, self.head_actors(token.head)    # "its ambassador, Kang Chol"
                if actors and self.full_name(token, title):
                    found[surname(token).text] = actors
                    # "Kang Chol" is "Kang" later: a family name may come first
                    found.setdefault(min([token] + given_names(token), key=lambda t: t.i).text, actors)
        return found

    def full_name(self, name: Token, title: Token) -> bool:
        """A given name and a surname at least ('Alvaro Uribe', 'Andrei Karlov'), not a surname alone."""
        return surname(name).i > name.i or any(child.i != title.i and not self.agent_suffix(child)
                                               for child in given_names(name))

    def fronted_place(self, subject: Token) -> list[str]:
        """'In Caracas, Foreign Minister Yvan Gil accused ...': the state of the place the clause opens with."""
        if not subject.dep_.startswith("nsubj"):
            return []
        for child in subject.head.children:
            if child.dep_ == "obl" and child.i < subject.i and self.case_of(child) == "in":
                state = self.index.state_named(self.named(child))
                if state:
                    return [state]
        # the parser may hang the opening place anywhere ("In Beijing, spokeswoman Hua ...")
        if self.doc[0].lower_ == "in":
            for token in self.doc[1:subject.i]:
                if token.text == ",":
                    break
                state = self.index.state_named(self.named(token)) or self.place_of.get(token.i, ("", ""))[1]
                if state:
                    return [state]
        return []

    def owned_body(self, token: Token, suffix: str, allow_pronoun: bool = True) -> list[str]:
        """'Iran's foreign ministry' -> IRN_MFA; 'Pakistani and Afghan forces' -> both armies."""
        return list(dict.fromkeys(self.body_of(owner, suffix) for owner in self.modifier_actors(token, allow_pronoun)))

    def body_of(self, owner: str, suffix: str) -> str:
        state = self.index.state_of(owner)
        top = self.index.top.get(owner, owner)
        return self.index.body(state, suffix) if self.index.kind.get(top) == "state" and state else owner

    # --- pronouns and epithets -------------------------------------------------------------------

    def pronoun_actor(self, token: Token) -> list[str]:
        """What 'it', 'its', 'they', 'he' stands for: the subject of a governing clause, else of the
        sentence before; 'them' and 'their' first look for several actors named before them."""
        if token.lower_ in RELATIVE:
            return self.relative_antecedent(token)
        if token.lower_ in PLURAL:
            group = self.group_before(token)
            if group:
                return group
        for ancestor in token.ancestors:
            if ancestor.pos_ not in {"VERB", "AUX", "ADJ", "NOUN"}:
                continue
            if ancestor.dep_ == "acl" and ancestor.head.dep_ in {"obj", "iobj"} and \
                    any(c.dep_ == "mark" and c.lower_ == "to" for c in ancestor.children):
                # "prompted Armenia to recall its ambassador", "urged Sudan to withdraw its troops"
                found = self.actors_of(ancestor.head, allow_pronoun=False)
                if found:
                    return found
            subject = next((c for c in ancestor.children if c.dep_ in SUBJECTS and c.i != token.i
                            and not self.contains(c, token)), None)
            if subject is not None and subject.i < token.i or (subject is not None and token.dep_ == "nmod:poss") \
                    or (subject is not None and self.in_fronted_clause(token, ancestor)):
                found = self.actors_of(subject, allow_pronoun=subject.lower_ not in PRONOUNS)
                if found:
                    return found
        if token.lower_ in PERSONAL:
            return list(self.discourse.last_person)
        return list(self.discourse.last_subject)

    @staticmethod
    def in_fronted_clause(pronoun: Token, verb: Token) -> bool:
        """'When it expelled the envoy, Somalia also shut ...': the subject of a clause set before
        the verb whose subject comes after it speaks of that subject."""
        clause = next((a for a in pronoun.ancestors if a.head == verb), None)
        return pronoun.dep_ == "nsubj" and clause is not None and clause.dep_ == "advcl" and \
            clause.i < verb.i and pronoun.head == clause

    def group_before(self, token: Token) -> list[str]:
        """The nearest phrase before a plural pronoun that names two actors or more ('both
        governments ... called on them', 'India and Pakistan ... their')."""
        for head in reversed([t for t in self.doc if t.i < token.i and t.dep_ != "conj"
                              and t.pos_ in {"NOUN", "PROPN"}]):
            found = self.actors_of(head, allow_pronoun=False)
            if len(found) >= 2:
                return found
        return self.discourse.last_subject if len(self.discourse.last_subject) >= 2 else []

    @staticmethod
    def contains(phrase: Token, token: Token) -> bool:
        return phrase.left_edge.i <= token.i <= phrase.right_edge.i

    def relative_antecedent(self, token: Token) -> list[str]:
        clause = next((a for a in token.ancestors if a.dep_ in {"acl:relcl", "relcl", "acl"}), None)
        if clause is None:
            return []
        return self.actors_of(clause.head) or self.issuer(clause.head)

    def issuer(self, document: Token) -> list[str]:
        """'circulating a position paper that accused Vietnam', 'answered with documents accusing
        China': a document no one is named as owning speaks for the subject of the clause that hands
        it over; none for any other noun."""
        if document.lemma_.lower() not in self.grammar("document_nouns") or document.dep_ in SUBJECTS:
            return []
        for ancestor in document.ancestors:
            subject = next((c for c in ancestor.children if c.dep_ in SUBJECTS), None)
            if subject is not None:
                return self.actors_of(subject)
        return []

    def epithet_actors(self, token: Token) -> list[str] | None:
        """'the two countries', 'both sides' -> the article's two states; 'the Caucasus republic' ->
        the state named last. None when the head is no epithet."""
        lemma = token.lemma_.lower()
        children = {child.lower_ for child in token.children}
        plural_the = token.tag_ == "NNS" and "the" in children and not self.modifier_actor(token, False)
        count = GROUP_SIZES.get(lemma) or self.counted(token)
        if count > 2 and (lemma in self.grammar("pair_epithets") or lemma in GROUP_SIZES):
            return self.last_states(token, count)       # "the four countries", "the quartet"
        if lemma in self.grammar("pair_epithets") and ({"two", "both", "each"} & children or plural_the):
            # "the two countries", "both sides", "each side", "the neighbouring countries": the
            # article's two, or, as a subject after two states the sentence named ("Xi welcomed
            # Muizzu ..., and the two leaders held talks"), those two
            here = self.states_named_before(token) if token.dep_ == "nsubj" else []
            return here if len(here) == 2 else self.discourse.main_pair()
        if any(child.dep_ == "appos" for child in token.children):
            return None                                 # "the militant group Jaish al-Adl": its own name
        if lemma in self.grammar("group_epithets") and "the" in children and not self.modifier_actor(token, False):
            here = [actor for i, (actor, _) in sorted(self.mention_at.items())
                    if i < token.i and self.index.kind.get(self.index.top.get(actor, actor)) == "armed_group"]
            return here[-1:] or self.discourse.groups[-1:]      # "the group", "the militants"
        if lemma in self.grammar("organisation_epithets") and "the" in children and \
                not any(c.dep_ in {"amod", "compound", "nmod", "nmod:poss"} for c in token.children):
            # "the bloc", not "the rebel alliance" nor "the jihadist alliance that dominates Idlib"
            here = [top for i, (actor, _) in sorted(self.mention_at.items())
                    if i < token.i and self.index.kind.get(top := self.index.top.get(actor, actor)) == "igo"]
            return here[-1:] or self.discourse.organisations[-1:]      # "the bloc", "the alliance"
        if lemma in self.grammar("epithets") and "the" in children and not self.modifier_actor(token):
            # "the Persian country", "the neighbouring country": the state named last, other than the
            # one acting when the epithet names whom it acts on
            here = [self.index.state_of(actor) for i, (actor, _) in sorted(self.mention_at.items()) if i < token.i]
            here = [state for state in here if state and state not in self.avoid]
            unlike = self.unlike(lemma)
            here = [state for state in here if state not in unlike]
            return here[-1:] or self.discourse.latest_state(set(self.avoid) | unlike)
        return None

    def states_named_before(self, token: Token) -> list[str]:
        """The states of the parties named before a phrase in its sentence, by the dictionary or by a
        surname a title introduced earlier ('Xi Jinping welcomed Muizzu ..., and the two leaders')."""
        found = []
        for word in self.doc[:token.i]:
            mention = self.mention_at.get(word.i)
            if mention and mention[1].root.i == word.i and not self.names_venue(word):
                found.append(self.index.state_of(mention[0]))
            elif not mention and word.pos_ == "PROPN" and word.dep_ not in FLAT_NAME:
                found += [self.index.state_of(a) for a in self.discourse.people.get(surname(word).text, [])]
        return list(dict.fromkeys(state for state in found if state))

    @staticmethod
    def counted(token: Token) -> int:
        """'the four countries' -> 4; 0 when no number counts the noun."""
        numbers = [c.lower_ for c in token.children if c.dep_ == "nummod"]
        return next((int(n) if n.isdigit() else NUMBER_WORDS.get(n, 0) for n in numbers), 0)

    def last_states(self, token: Token, count: int) -> list[str]:
        """The `count` states named last before the phrase, in this sentence or earlier ones; none when
        fewer were named."""
        listed = next((states for states in reversed(self.discourse.subject_lists) if len(states) == count), None)
        if listed is not None:
            return sorted(listed)           # "Saudi Arabia, the UAE, Bahrain and Egypt ..." then "the four"
        here = [self.index.state_of(actor) for i, (actor, _) in sorted(self.mention_at.items()) if i < token.i]
        # a state named after the phrase is whom they act on ("the four countries ... with Qatar")
        later = {self.index.state_of(actor) for i, (actor, _) in self.mention_at.items() if i > token.i}
        found: list[str] = []
        for state in reversed(self.discourse.state_order + here):
            if state and state not in found and state not in later and state not in self.avoid:
                found.append(state)
        return sorted(found[:count]) if len(found) >= count else []

    def unlike(self, epithet: str) -> set[str]:
        """'the kingdom' is a monarchy, 'the emirate' an emirate: the states of the story it cannot be."""
        kinds = {"kingdom": "kingdoms", "monarchy": "kingdoms", "emirate": "emirates"}
        if epithet not in kinds:
            return set()
        fitting = self.grammar(kinds[epithet])
        return {state for state in self.discourse.state_order if state.lower() not in fitting}

    # --- the phrase ----------------------------------------------------------------------------

    def actors_of(self, token: Token, allow_pronoun: bool = True) -> list[str]:
        """Every actor a phrase headed by `token` points at, coordinated heads included."""
        found: list[str] = []
        for head in conjuncts(token):
            for actor in self.head_actors(head, allow_pronoun):
                if actor and actor not in found:
                    found.append(actor)
        return found

    def head_actors(self, head: Token, allow_pronoun: bool = True) -> list[str]:
        named = self.named(head)
        if named:
            return [named] + self.shared_head_owners(head, named)
        epithet = self.epithet_actors(head)
        if epithet is not None:
            return epithet
        if head.lemma_.lower() in self.grammar("quantity_nouns"):
            counted = next((c for c in head.children if c.dep_ == "nmod" and self.case_of(c) == "of"), None)
            if counted is not None:                      # "thousands of Iraqi Kurds", "members of the BLA"
                return self.head_actors(counted, allow_pronoun)
        suffix = self.agent_suffix(head)
        if suffix and is_former(head):
            return []        # "the former South African president" no longer speaks for South Africa
        if suffix:
            owned = self.owned_body(head, suffix, allow_pronoun)
            if not owned and head.lemma_.lower() in self.grammar("crowd_nouns"):
                return [self.body_of(state, suffix) for state in self.crowd_state()]
            return owned or self.apposition_actors(head) or self.state_where(head) or self.body_named_before(head) or \
                self.state_of_story(head, suffix)
        if (head.pos_ == "PROPN" or head.text[:1].isupper()) and surname(head).text in self.discourse.people:
            return self.discourse.people[surname(head).text]
        title, suffix = self.title_of(head) if head.pos_ == "PROPN" else (None, "")
        if title is not None and is_former(title):
            return []
        if title is not None:      # "foreign ministry spokeswoman Maria Zakharova": someone the dictionary does not know
            owned = self.owned_body(title, suffix, allow_pronoun) or self.owned_body(head, suffix, allow_pronoun)
            # "Foreign Ministry spokesperson Lin Jian accused Manila": a voice speaks for the story's state
            speaks = suffix.lower() == "mfa" or title.lemma_.lower().startswith("spokes")
            story = (self.states_before(head) or self.voice_of_story()) if head.dep_ == "nsubj" and speaks else []
            return owned or self.apposition_actors(head) or self.state_where(head) or self.fronted_place(head) or story
        if head.lower_ in PRONOUNS | RELATIVE and head.pos_ in {"PRON", "DET"}:
            return self.pronoun_actor(head) if allow_pronoun else []
        if head.lower_ == "both" and head.dep_ not in {"det", "cc:preconj", "cc"}:
            return self.discourse.main_pair()          # "urged both to ..."
        owners = self.modifier_actors(head, allow_pronoun) if head.pos_ in {"NOUN", "PROPN"} else []
        if owners:
            found = []
            for owner in owners:
                top = self.index.top.get(owner, owner)
                state = self.index.state_of(owner) if self.index.kind.get(top) == "state" else ""
                if head.lemma_.lower() in self.grammar("weapons"):
                    found.append(self.index.body(state, "MIL") if state else owner)
                else:
                    # "Iraqi Kurds", "an Iranian village": that state's; "Hezbollah positions": Hezbollah's
                    found.append(state or owner)
            return list(dict.fromkeys(found))
        if head.lemma_.lower() in self.grammar("document_nouns") and head.dep_ == "nsubj":
            return self.discourse.last_subject      # "The statement also accused Kenya": its issuer's
        if head.pos_ == "NOUN" and head.lemma_.lower() not in self.grammar("event_nouns"):
            # not "attacks in Pakistan"; "the group's positions in Iraq" are the group's
            return self.apposition_actors(head) or self.group_owner(head) or self.state_where(head) or \
                self.body_named_before(head)
        return self.apposition_actors(head)

    def body_named_before(self, head: Token) -> list[str]:
        """'the court', 'the commission': the body, not a state, whose name has that noun, named last
        in this sentence or an earlier one ('the International Court of Justice')."""
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in head.children) or \
                any(c.dep_ in {"amod", "compound", "nmod:poss"} for c in head.children):
            return []
        here = body_nouns([(actor, span) for i, (actor, span) in sorted(self.mention_at.items()) if i < head.i],
                          self.index)
        found = here.get(head.lemma_.lower()) or self.discourse.bodies.get(head.lemma_.lower())
        return [found] if found else []

    def group_owner(self, head: Token) -> list[str]:
        """'the group's positions in Iraq': the armed group the sentence or the article named last,
        when a definite epithet for one owns the phrase. Not 'militant hideouts in Iran', which names
        no group (data/gold/CODING.md: the state where they are)."""
        owners = [self.epithet_actors(child) for child in head.children
                  if child.dep_ == "nmod:poss" and child.lemma_.lower() in self.grammar("group_epithets")]
        return next((found for found in owners if found), [])

    def shared_head_owners(self, head: Token, named: str) -> list[str]:
        """'Pakistani and Afghan forces': the dictionary names 'Afghan forces'; the adjective
        coordinated with its own owns a body of the same kind."""
        suffix = self.agent_suffix(head)
        owners = [actor for child in head.lefts if child.dep_ == "amod" and
                  any(c.dep_ == "conj" for c in child.children) for part in conjuncts(child)
                  if (actor := self.named(part)) and actor != named]
        return [self.body_of(owner, suffix) if suffix else owner for owner in dict.fromkeys(owners)]

    def state_of_story(self, head: Token, suffix: str) -> list[str]:
        """'officials said', 'top military and civilian leaders': a role with no owner in the phrase
        belongs to the first state the sentence names, else to the state the article is about. A
        state's voice ('the ministry accused Canada of ...') does not speak to or of its own state:
        one named after it is whom it acts on, and the voice is then the story's other state."""
        # "the ministry summoned the Spanish ambassador in Rabat": a city named as where is no party
        named = [(i, self.index.state_of(actor)) for i, (actor, _) in sorted(self.mention_at.items())
                 if self.index.kind.get(self.index.top.get(actor, actor)) == "state" and not self.names_venue(self.doc[i])]
        states = [state for _, state in named if state]
        if suffix.lower() not in self.grammar("state_voices") or any(i < head.i and state for i, state in named):
            return states[:1] or self.discourse.dominant_state()
        # the states it acts on are those its own clause names ("the bloc gave the junta until January
        # 1 ...; Bamako replied": Bamako, in a clause of its own, is not acted on)
        clause = own_clause(head)
        acted_on = {state for i, state in named if state and i in clause}
        story = self.discourse.dominant_state() or self.discourse.main_pair()
        voice = [state for state in story if state not in acted_on]
        return voice if len(voice) == 1 else states[:1]

    def states_before(self, head: Token) -> list[str]:
        """The first state the sentence names before a phrase ('Moscow has seized on the affair:
        spokeswoman Maria Zakharova accused ...'), as a list; none when it names none there."""
        return [state for i, (actor, _) in sorted(self.mention_at.items())
                if i < head.i and (state := self.index.state_named(actor)) and not self.names_venue(self.doc[i])][:1]

    def voice_of_story(self) -> list[str]:
        """The one state of the story this sentence does not name ('Foreign Ministry spokesperson Lin
        Jian accused Manila', in a story about China and the Philippines); none when not one."""
        named = {self.index.state_of(actor) for actor, _ in self.mention_at.values()}
        voice = [state for state in self.discourse.dominant_state() or self.discourse.main_pair() if state not in named]
        return voice if len(voice) == 1 else []

    def state_where(self, head: Token) -> list[str]:
        """'security forces in Guinea', 'students throughout Indonesia', 'hideouts inside Iran': the
        people or places of a state named as where they are."""
        for child in head.children:
            if child.dep_ == "nmod" and self.case_of(child) in {"in", "inside", "throughout", "across", "from"}:
                state = self.index.state_named(self.named(child))
                if state:
                    return [state]
        return []

    def crowd_state(self) -> list[str]:
        """'protesters stormed the Swedish embassy in Baghdad', 'In Moscow, protesters pelted ...',
        'protests in several Indian cities': a crowd no one owns is of the state where it gathers,
        the first place the sentence names as where; none named, none."""
        if self.placing_crowd:
            return []       # "gathered in the city of protesters": a crowd of the place is no place
        self.placing_crowd = True
        try:
            return self.place_of_crowd()
        finally:
            self.placing_crowd = False

    def place_of_crowd(self) -> list[str]:
        for token in self.doc:
            if token.dep_ not in {"obl", "nmod"} or self.case_of(token) not in CROWD_PLACES:
                continue
            named = self.index.state_named(self.named(token)) or self.place_of.get(token.i, ("", ""))[1]
            if self.agent_suffix(token):
                continue        # "outside the Saudi embassy in Tehran" is Iran (the city), not Saudi Arabia
            # "in several Indian cities" is India; "outside a Turkish visa centre" names whom they protest
            owner = self.modifier_actor(token, allow_pronoun=False) if self.case_of(token) != "outside" else ""
            state = named or (self.index.state_named(owner) if owner else "")
            if state:
                return [state]
        return []

    def apposition_actors(self, head: Token) -> list[str]:
        for child in head.children:
            if child.dep_ == "appos":
                return self.actors_of(child)          # "groups BLA and BLF": every name of the apposition
        if head.dep_ == "appos":
            named = self.named(head.head)
            return [named] if named else []
        return []

    def unanchored_suffix(self, token: Token) -> str:
        """A role noun with no owner in the phrase ('local police', 'officials'): its suffix, else ''."""
        if self.named(token) or self.modifier_actor(token):
            return ""
        return self.agent_suffix(token)

    # --- places --------------------------------------------------------------------------------

    def is_venue(self, span: Span) -> bool:
        """'talks in Doha', 'in the Qatari capital', 'the Doha ceasefire': a state's city named as
        where something happened, not the state as a party to it. The state's own name is never a
        venue ('strikes in Iran' names the state struck)."""
        token, actor = span.root, self.named(span.root)
        if self.index.name.get(self.index.state_named(actor), "").lower() == span.text.lower():
            return False
        if token.dep_ == "amod" and token.head.lemma_.lower() in {"capital", "city"}:
            token = token.head
        elif span.text.lower() not in self.places:
            return False        # a demonym or an organisation's name, not a place
        if token.dep_ in {"obl", "nmod"} and self.case_of(token) in {"in", "at"}:
            return True
        return token.dep_ == "compound" and token.head.pos_ == "NOUN" and not self.agent_suffix(token.head)

    def names_venue(self, token: Token) -> bool:
        """Whether a token is part of a name the sentence uses as a venue (see is_venue)."""
        found = self.mention_at.get(token.i)
        return found is not None and self.is_venue(found[1])
    def place_state(self, tokens) -> tuple[str, str]:
        """(place, state) of the first place or state named as a place among `tokens`; else of a
        state's territory ('deep into Thai territory'), which names no place more precise."""
        tokens = list(tokens)
        at = [token for token in tokens if token.dep_ in {"obl", "nmod"} and self.case_of(token) in PLACE_CASES]
        located = {token.i for token in at}
        for token in tokens:
            state = self.index.state_named(self.named(token)) if token.i in located else ""
            if state:
                return self.index.name.get(state, state), state
            place = self.place_of.get(token.i)
            if place and token.dep_ not in SUBJECTS:      # 'Islamabad claimed': the capital speaks for its state
                return place
        state = next((state for token in at if (state := self.index.state_named(self.territory_of(token)))), "")
        return (self.index.name.get(state, state), state) if state else ("", "")

    def territory_of(self, token: Token) -> str:
        """'Thai territory', 'a Cambodian village': the state whose place a place noun names."""
        if token.lemma_.lower() not in self.grammar("place_nouns"):
            return ""
        return self.modifier_actor(token, allow_pronoun=False)

    def names_non_state(self, token: Token) -> bool:
        actor = self.named(token)
        return bool(actor) and self.index.kind.get(self.index.top.get(actor, actor)) != "state"

    def find_places(self) -> dict[int, tuple[str, str]]:
        """token index -> (place, state) for the known places (data/places.csv) the sentence names,
        longest first; not a first name ('Vladimir Putin') that happens to be a town's, nor an actor that
        is no state ('the BLA' is no village in Mali), nor a state's name ('Armenia', a Colombian town)."""
        found: dict[int, tuple[str, str]] = {}
        doc = self.doc
        for first in range(len(doc)):
            if first in found or not doc[first].text[:1].isupper() or self.names_non_state(doc[first]):
                continue
            for size in (4, 3, 2, 1):
                words = doc[first:first + size]
                state = self.places.get(words.text.lower()) if len(words) == size else None
                if state is None:
                    continue
                last = words[-1]
                if last.dep_ in {"compound", "flat"} and last.head.pos_ == "PROPN" and last.head.i >= first + size:
                    break
                if self.index.state_named(self.named(doc[first])) not in {"", state}:
                    break       # "Armenia" is the state, not the Colombian town of that name
                for token in words:
                    found[token.i] = (words.text, state)
                break
        return found
